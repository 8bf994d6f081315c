import Foundation
import Plot

/// The public page's Atom 1.0 feed (RFC 4287), for news sites. Written by hand: every text goes
/// through `escape`, which also drops the characters XML 1.0 cannot carry at all.
enum PublicFeed {
    static let title = "Gương sáng học tập và làm theo Bác"
    static let contentType = "application/atom+xml; charset=utf-8"
    /// A feed carries the newest entries; older ones stay on the paginated page.
    static let entryLimit = 100

    /// `baseURL` is scheme and host ("https://example.vn"); `selfURL` and `pageURL` are absolute.
    static func render(stories: [PublicStoryLine], baseURL: String, selfURL: String, pageURL: String, subtitle: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n"
        xml += "  <id>\(escape(pageURL))</id>\n"
        xml += "  <title type=\"text\">\(escape(title))</title>\n"
        xml += "  <subtitle type=\"text\">\(escape(subtitle))</subtitle>\n"
        // An empty feed still needs `updated`: the epoch says "nothing yet" and stays the same between requests.
        xml += "  <updated>\(timestamp(stories.map(\.updatedAt).max() ?? Date(timeIntervalSince1970: 0)))</updated>\n"
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(escape(selfURL))\"/>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(pageURL))\"/>\n"
        xml += "  <generator>LamTheoBac</generator>\n"
        for s in stories {
            let link = baseURL + SiteURL.publicExemplar(s.id).path
            xml += "  <entry>\n"
            xml += "    <id>\(escape(link))</id>\n"
            xml += "    <title type=\"text\">\(escape(s.title))</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(link))\"/>\n"
            xml += "    <published>\(timestamp(s.publishedAt))</published>\n"
            xml += "    <updated>\(timestamp(s.updatedAt))</updated>\n"
            xml += "    <author><name>\(escape(s.unitName))</name></author>\n"
            xml += "    <category term=\"\(escape(s.kind.rawValue))\" label=\"\(escape(s.kind.label))\"/>\n"
            xml += "    <summary type=\"text\">\(escape(s.summary))</summary>\n"
            xml += "    <content type=\"html\">\(escape(PublicPageView.paragraphs(s.body).render()))</content>\n"
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// RFC 3339 in UTC, whole seconds: 2025-05-19T03:00:00Z.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// Text and attribute values: the five markup characters escaped, characters XML 1.0 forbids dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000 { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
