import Foundation
import Logging
import Vapor

/// The program: `serve [--demo]`, `migrate`, `demo`, `user create`, `routes`.
public enum Entrypoint {
    public static func main() async {
        var env: Environment
        do { env = try Environment.detect() } catch { print(error); exit(1) }
        try? LoggingSystem.bootstrap(from: &env)
        // `serve --demo` is ours, not Vapor's: take it out before Vapor parses the arguments.
        let demo = env.arguments.contains("--demo")
        env.arguments.removeAll { $0 == "--demo" }
        let app: Application
        do {
            app = try await Application.make(env)
        } catch {
            print(error)
            exit(1)
        }
        var running = false
        do {
            let config = try AppConfig.fromEnvironment()
            try await configure(app, config: config)
            let command = env.arguments.dropFirst().first ?? "serve"
            if command == "serve" {
                try await app.autoMigrate()
                try await TreeIndex.ensureFresh(on: app.db)
                if demo { try await DemoLoader.loadIfEmpty(app: app) }
                StartupBanner.printWhenListening(app: app, config: config, demo: demo)
            }
            running = true
            try await app.execute()
        } catch {
            // A command's own errors are reported by Vapor's console; before it runs, by us.
            // Mistakes in what the user typed or configured are told plainly, anything else in full.
            if !running {
                if error is ValidationFailure || error is InvalidInput || error is ConfigError {
                    FileHandle.standardError.write(Data("\(error)\n".utf8))
                } else {
                    app.logger.report(error: error)
                }
            }
            try? await app.asyncShutdown()
            exit(1)
        }
        try? await app.asyncShutdown()
    }
}
