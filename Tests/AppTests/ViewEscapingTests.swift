@testable import App
import Plot
import Testing

@Suite struct ViewEscapingTests {
    static let payload = #""><script>alert(1)</script>"#

    @Test func attributeValuesAndTextAreInert() {
        // act
        let html = H.el("a", ["href": Self.payload, "title": "O'Brien & co"], .text(Self.payload)).render()

        // assert
        #expect(!html.contains("<script>"))
        #expect(html.contains("href=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))
        #expect(html.contains("title=\"O&#39;Brien &amp; co\""))
    }

    @Test func formFieldsEscapeEnteredValues() {
        // act
        let html = Form.text("name", "Tên", value: Self.payload, errors: FormErrors()).render()
            + Form.textarea("note", "Ghi chú", value: Self.payload, errors: FormErrors()).render()
            + Form.select("kind", "Loại", options: [(Self.payload, Self.payload)], selected: nil, errors: FormErrors()).render()

        // assert
        #expect(!html.contains("<script>"))
    }

    @Test func layoutEscapesTitleAndUserName() {
        // setup
        let user = CurrentUser(id: 1, username: "x", displayName: Self.payload, role: .officer, scopeUnitID: 1, personID: nil)
        let chrome = PageChrome(user: user, csrf: "abc", flash: Flash(kind: .error, message: Self.payload), title: Self.payload, section: nil)

        // act
        let html = Layout.render(chrome, H.p(Self.payload))

        // assert
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("lang=\"vi\""))
    }
}
