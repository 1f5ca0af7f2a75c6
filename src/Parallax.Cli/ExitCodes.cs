namespace Parallax.Cli;

/// <summary>The documented exit codes of the <c>parallax</c> command (README, "Exit codes").</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;
    /// <summary>The command line was not understood.</summary>
    public const int Usage = 1;
    /// <summary>Partial: some inputs failed and were reported; the rest were processed and stored.</summary>
    public const int Partial = 2;
    /// <summary>Nothing could be done: no input could be processed, or the store or a file could not be used.</summary>
    public const int Failure = 3;
    /// <summary>The story, article or folder named was not found.</summary>
    public const int NotFound = 4;
    /// <summary>Interrupted (Ctrl+C); what was committed before is kept and a re-run resumes.</summary>
    public const int Cancelled = 130;
}
