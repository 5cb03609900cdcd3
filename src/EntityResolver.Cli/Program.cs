using EntityResolver.Cli;

return Cli.Run(args, CliConsole.FromSystem());
