using Parallax.Cli;

return await ParallaxCommand.RunAsync(args, Console.Out, Console.Error, !Console.IsOutputRedirected && !Console.IsErrorRedirected).ConfigureAwait(false);
