import Vapor

/// On SIGTERM Vapor shuts the application's storage down in no fixed order, so the databases
/// could close while the HTTP server still took requests on open connections, and a request
/// reaching `req.db` then crashed the process. Lifecycle handlers run before the storage: this one
/// stops the server first, which refuses new connections, lets the requests in flight finish
/// (up to the server's `shutdownTimeout`) and closes the kept-alive connections. The server's own
/// shutdown later finds nothing left to stop.
struct StopServerFirst: LifecycleHandler {
    func shutdown(_ application: Application) {
        application.server.shutdown()
    }

    func shutdownAsync(_ application: Application) async {
        await application.server.shutdown()
    }
}
