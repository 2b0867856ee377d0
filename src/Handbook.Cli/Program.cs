return Handbook.Cli.HandbookCommand.Run(args, Console.Out, Console.Error);
