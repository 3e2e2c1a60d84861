using Grader.Core.Sandbox;
using Grader.Core.Tests.Intake;

namespace Grader.Core.Tests.Sandbox;

/// <summary>
/// Without namespaces, student code runs as a uid of its own, which cannot start a program behind a folder other users
/// may not enter (pyenv's interpreters under a root's /root): the sandbox then says so instead of an exit code 127.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UnreachableProgramTests : IDisposable
{
    private readonly TempFolder temp = new();

    [Fact]
    public void A_program_behind_a_closed_folder_is_unreachable_and_names_the_folder()
    {
        var program = temp.Write("closed/bin/python3.7", "#!/bin/sh\n");
        File.SetUnixFileMode(temp.Path("closed", "bin"), File.GetUnixFileMode(temp.Path("closed", "bin")) | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(temp.Path("closed"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.Equal($"{program} lies in {temp.Path("closed")}, which other users may not enter", UnprivilegedUserCommand.Unreachable(program));
    }

    [Fact]
    public void A_program_every_folder_above_which_others_may_enter_is_reachable()
    {
        var program = temp.Write("open/bin/python3.7", "#!/bin/sh\n");
        foreach (var folder in new[] { temp.Root, temp.Path("open"), temp.Path("open", "bin") })
        {
            File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) | UnixFileMode.OtherExecute);
        }

        Assert.Null(UnprivilegedUserCommand.Unreachable(program));
    }

    public void Dispose() => temp.Dispose();
}
