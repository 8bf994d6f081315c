"""A cell secretary's month, as they do it on a desktop (1366x900) and a phone (390x844): see
what the cell still owes, record the missing regular meeting and a thematic meeting with its
attendance, record a member's plan handed in on paper, and see each of them leave the list of
what is missing. Runs against the demo data (`lamtheobac serve --demo`), where the cell X-DL-01
has no record yet for the current year; each viewport takes the next missing month.
"""

import datetime
import re

from selenium.webdriver.common.by import By

from conftest import nfc

SECRETARY = "bithu.x-dl-01"
PASSWORD = "demo-lamtheobac"
CELL = "X-DL-01"
MEETING_KIND = "sinh_hoat_thuong_ky"
MONTH_IN_ITEM = re.compile(r"tháng (\d{1,2})/(\d{4})")


def set_value(ui, element, value):
    """Sets a field the way the date picker would (typing into type=date depends on the locale)."""
    ui.driver.execute_script(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))", element, value
    )


def missing_meeting_months(ui):
    """(year, month) of the cell's regular meetings listed as missing on the deadlines page."""
    ui.open(f"/han-can-lam?don-vi={CELL}")
    ui.wait("h1")
    months = []
    for row in ui.driver.find_elements(By.CSS_SELECTOR, f"tr[data-kind={MEETING_KIND}][data-unit={CELL}]"):
        found = MONTH_IN_ITEM.search(nfc(row.text))
        assert found, f"a missing-meeting row names no month: {row.text!r}"
        months.append((int(found.group(2)), int(found.group(1))))
    return sorted(months)


def fill_meeting_form(ui, kind, day, present, excused, opinions=None):
    form = ui.wait("form#cell-meeting-form")
    ui.find("select[name=kind] option[value=%s]" % kind, form).click()
    set_value(ui, ui.find("input[name=heldOn]", form), day.isoformat())
    ui.fill(ui.find("input[name=durationMinutes]", form), "120")
    ui.fill(ui.find("input[name=present]", form), str(present))
    ui.fill(ui.find("input[name=absentExcused]", form), str(excused))
    ui.fill(ui.find("input[name=absentUnexcused]", form), "0")
    box = ui.find("input[name=includedProgrammeContent]", form)
    if not box.is_selected():
        ui.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.click()
    ui.fill(ui.find("textarea[name=contentNote], input[name=contentNote]", form), "Kể chuyện về Bác; liên hệ việc làm theo")
    if opinions is not None:
        ui.fill(ui.find("input[name=opinionsRaised]", form), str(opinions))
        topics = [o for o in form.find_elements(By.CSS_SELECTOR, "select[name=topicId] option") if o.get_attribute("value")]
        assert topics, "the thematic meeting form offers no topic"
        topics[0].click()
    ui.fill(ui.find("textarea[name=summary], input[name=summary]", form), "Biên bản do thư ký chi bộ ghi")
    ui.assert_fits_width()
    ui.click_submit(form)
    assert re.fullmatch(r"/sinh-hoat-chi-bo/\d+", ui.path()), (
        f"saving the meeting led to {ui.driver.current_url}; errors: "
        + "; ".join(nfc(e.text) for e in ui.driver.find_elements(By.CSS_SELECTOR, ".error, .flash-error"))
    )


def grid_marks(ui, year):
    """The cell's row of the compliance grid: 12 month marks then 4 quarter marks."""
    ui.open(f"/sinh-hoat-chi-bo?don-vi={CELL}&nam={year}")
    row = ui.wait(f"tr[data-unit='{CELL}']")
    marks = []
    for cell in row.find_elements(By.CSS_SELECTOR, "td.mark"):
        marks.append([c for c in cell.get_attribute("class").split() if c != "mark"][0])
    assert len(marks) == 16, f"the grid row of {CELL} has {len(marks)} marks, expected 12 months + 4 quarters"
    return marks


def plan_counts(ui, year):
    ui.open(f"/ke-hoach-ca-nhan?don-vi={CELL}&nam={year}")
    text = nfc(ui.wait(".plan-counts").text)
    found = re.search(r"(\d+)/(\d+) đảng viên đã nộp", text.replace(".", ""))
    assert found, f"the personal-plan counts read {text!r}"
    return int(found.group(1)), int(found.group(2))


def test_secretary_home_shows_what_the_cell_owes(ui):
    ui.login(SECRETARY, PASSWORD)
    section = ui.wait("#home-deadlines")
    rows = section.find_elements(By.CSS_SELECTOR, f"tr[data-kind={MEETING_KIND}]")
    assert rows, "the secretary's home lists no missing monthly meeting, though the demo has none this year"
    ui.assert_fits_width()


def test_secretary_records_the_missing_meetings(ui):
    ui.login(SECRETARY, PASSWORD)
    missing = missing_meeting_months(ui)
    assert missing, "the deadlines page lists no missing monthly meeting for the cell"
    ui.assert_fits_width()
    year, month = missing[0]
    held = datetime.date(year, month, 10)

    # The regular meeting of the first missing month, through the link of the deadlines page.
    ui.open(f"/han-can-lam?don-vi={CELL}")
    link = ui.find(f"tr[data-kind={MEETING_KIND}][data-unit={CELL}] a")
    ui.submit_and_wait(link.click)
    assert ui.path() == "/sinh-hoat-chi-bo/moi", f"the missing month's link led to {ui.driver.current_url}"
    fill_meeting_form(ui, "thuong_ky", held, present=30, excused=2)
    assert (year, month) not in missing_meeting_months(ui), f"{month}/{year} is still listed as missing"

    # A thematic meeting in the same quarter, with its attendance and the opinions raised.
    fill_day = datetime.date(year, month, 20)
    ui.open(f"/sinh-hoat-chi-bo/moi?don-vi={CELL}&loai=chuyen_de")
    fill_meeting_form(ui, "chuyen_de", fill_day, present=28, excused=4, opinions=7)
    page = nfc(ui.find("main").text)
    assert "28" in page and "7" in page, "the thematic meeting's page does not show its attendance and opinions"

    marks = grid_marks(ui, year)
    assert marks[month - 1] == "withContent", f"month {month} shows {marks[month - 1]!r} in the grid"
    quarter = (month - 1) // 3
    assert marks[12 + quarter] == "met", f"quarter {quarter + 1} shows {marks[12 + quarter]!r} after a thematic meeting"
    ui.assert_fits_width()


def test_secretary_records_a_members_paper_plan(ui):
    year = datetime.date.today().year
    ui.login(SECRETARY, PASSWORD)
    submitted, expected = plan_counts(ui, year)
    assert expected > 0, f"no member of {CELL} is expected to write a plan in {year}"
    ui.assert_fits_width()
    links = ui.driver.find_elements(By.CSS_SELECTOR, "#personal-plan-members a[href*='/nguoi/']")
    assert links, "no member without a plan can be started from the cell's overview"
    ui.submit_and_wait(links[0].click)

    form = ui.wait("form#personal-plan-form")
    ui.fill(ui.find("input[name=item1]", form), "Học tập chuyên đề năm và viết thu hoạch")
    ui.fill(ui.find("input[name=item2]", form), "Giúp đỡ hai hộ nghèo trong thôn")
    ui.fill(ui.find("textarea[name=commitment]", form), "Tu dưỡng, rèn luyện, giữ gìn phẩm chất đạo đức")
    ui.assert_fits_width()
    submit = ui.find("button[name=action][value=nop]", form)
    ui.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", submit)
    ui.submit_and_wait(submit.click)
    errors = ui.driver.find_elements(By.CSS_SELECTOR, ".error, .flash-error")
    assert not errors, "submitting the plan was refused: " + "; ".join(nfc(e.text) for e in errors)

    after, expected_after = plan_counts(ui, year)
    assert (after, expected_after) == (submitted + 1, expected), (
        f"after one plan the counts read {after}/{expected_after}, expected {submitted + 1}/{expected}"
    )
