@testable import App
import Domain
import Fluent
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Vapor

/// Stories and a small XML reader for the tests of the public page and its officer side.
enum PublicStoryTestSupport {
    @discardableResult
    static func story(
        _ app: Application, unit: OrgUnit, year: Int, title: String, summary: String = "Tóm tắt", body: String = "Nội dung",
        published: Bool, exemplar: Exemplar? = nil, publishedAt: Date? = nil
    ) async throws -> PublicStory {
        let s = PublicStory()
        s.unitID = unit.id!
        s.kind = exemplar == nil ? .practiceModel : .exemplar
        s.exemplarID = exemplar?.id
        s.year = year
        s.title = title
        s.summary = summary
        s.body = body
        s.isPublished = published
        s.publishedAt = published ? (publishedAt ?? Date()) : nil
        try await s.create(on: app.db)
        return s
    }

    /// For `ScopeTests`: a story of B1 (published, so only scope stops the officer pages).
    static func scopeRecords(_ app: Application, _ tree: Fixtures.Tree) async throws -> ScopeRecords.Records {
        let story = try await story(app, unit: tree.b1, year: 2024, title: "Bài giới thiệu bí mật của B1",
                                    summary: "Tóm tắt bí mật của B1", published: true)
        return (ids: ["bai-cong-khai": story.id!, "public-stories": story.id!], secrets: ["Bài giới thiệu bí mật", "Tóm tắt bí mật"])
    }

    /// An element of a parsed XML document.
    final class Element {
        let name: String
        let namespace: String?
        let attributes: [String: String]
        var text = ""
        var children: [Element] = []

        init(name: String, namespace: String?, attributes: [String: String]) {
            self.name = name
            self.namespace = namespace
            self.attributes = attributes
        }

        func all(_ name: String) -> [Element] { children.filter { $0.name == name } }
        func first(_ name: String) -> Element? { children.first { $0.name == name } }
    }

    /// Parses with Foundation's XMLParser (libxml2), namespaces on; nil when not well-formed.
    static func parse(_ xml: String) -> Element? {
        final class Delegate: NSObject, XMLParserDelegate {
            var stack: [Element] = []
            var root: Element?

            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                let element = Element(name: name, namespace: namespaceURI, attributes: attributes)
                stack.last?.children.append(element)
                if root == nil { root = element }
                stack.append(element)
            }

            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                stack.removeLast()
            }

            func parser(_ parser: XMLParser, foundCharacters string: String) {
                stack.last?.text += string
            }
        }
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = true
        let delegate = Delegate()
        parser.delegate = delegate
        return parser.parse() ? delegate.root : nil
    }

    /// RFC 3339 date-time, as Atom requires.
    static func isRFC3339(_ text: String) -> Bool {
        text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#, options: .regularExpression) != nil
            && ISO8601DateFormatter().date(from: text) != nil
    }
}
