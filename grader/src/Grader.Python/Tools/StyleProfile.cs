namespace Grader.Python.Tools;

/// <summary>Which pycodestyle behaviour the style checks reproduce.</summary>
public enum StyleProfile
{
    /// <summary>What pycodestyle 2.5.x, the version the assignment names, would have reported.</summary>
    Pycodestyle25,

    /// <summary>Whatever the installed pycodestyle reports.</summary>
    Installed,
}
