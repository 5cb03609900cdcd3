using EntityResolver.Server;

WebApplication app = ServerApp.Build(args);
await app.RunAsync().ConfigureAwait(false);

/// <summary>The entry point (public so that test hosts can start the server).</summary>
public partial class Program;
