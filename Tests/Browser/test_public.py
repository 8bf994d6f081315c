"""The public page of exemplars, as a visitor from a news site reads it without an account, on a
desktop and on a phone: the published stories, a story, the year filter, and the Atom feed that
the page advertises (parsed with Python's standard XML parser)."""

import urllib.request
import xml.etree.ElementTree as ET

from selenium.webdriver.common.by import By

from conftest import nfc

ATOM = "{http://www.w3.org/2005/Atom}"


def test_visitor_reads_the_published_stories(ui):
    ui.fresh_session()
    ui.open("/guong-sang")
    assert ui.path() == "/guong-sang", f"the public page sent a visitor to {ui.driver.current_url}"
    cards = ui.driver.find_elements(By.CSS_SELECTOR, ".stories article.card")
    assert cards, "the public page lists no published story, though the demo publishes some"
    assert not ui.exists("form[action='/dang-xuat']"), "the public page offers a logout: it thinks someone is logged in"
    ui.assert_fits_width()

    title = nfc(cards[0].find_element(By.CSS_SELECTOR, "h2").text)
    ui.submit_and_wait(cards[0].find_element(By.CSS_SELECTOR, "h2 a").click)
    assert nfc(ui.find("article.public-story h1").text) == title, "the story page shows another title than its card"
    ui.assert_fits_width()


def test_the_feed_the_page_advertises_parses_and_matches_the_year(ui):
    ui.fresh_session()
    ui.open("/guong-sang")
    year_select = ui.driver.find_elements(By.CSS_SELECTOR, "form.filters select[name=nam] option")
    years = [o.get_attribute("value") for o in year_select if o.get_attribute("value")]
    assert years, "the public page offers no year to filter by"
    year = years[0]
    ui.open(f"/guong-sang?nam={year}")
    shown = len(ui.driver.find_elements(By.CSS_SELECTOR, ".stories article.card"))

    link = ui.find("link[rel=alternate][type='application/atom+xml']")
    href = link.get_attribute("href")
    assert f"nam={year}" in href, f"the feed link of the filtered page does not keep the year: {href}"
    with urllib.request.urlopen(href) as answer:
        assert answer.headers.get_content_type() == "application/atom+xml"
        feed = ET.fromstring(answer.read())
    assert feed.tag == ATOM + "feed", f"the feed's root is {feed.tag}"
    entries = feed.findall(ATOM + "entry")
    assert len(entries) == shown, f"the feed has {len(entries)} entries for {year}, the page shows {shown}"
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert entry.find(ATOM + required) is not None, f"an entry has no <{required}>"
