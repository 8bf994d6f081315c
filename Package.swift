// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "LamTheoBac",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lamtheobac", targets: ["lamtheobac"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // Pure Swift: vocabulary, Vietnamese text, rules. No Vapor, no Fluent.
        .target(name: "Domain"),
        // Pure Swift: reads CSV and XLSX into rows of typed cells. No Vapor, no Fluent.
        .target(
            name: "Spreadsheets",
            dependencies: ["Domain", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Pure Swift: writes .docx and .xlsx from plain values. No Vapor, no Fluent.
        .target(
            name: "Reports",
            dependencies: ["Domain", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "App",
            dependencies: [
                "Domain",
                "Spreadsheets",
                "Reports",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Plot", package: "Plot"),
            ]
        ),
        .executableTarget(
            name: "lamtheobac",
            dependencies: ["App"]
        ),
        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports", "Spreadsheets", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                "Spreadsheets",
                "Reports",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ]
)
