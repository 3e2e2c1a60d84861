namespace Grader.Core.Provisioning;

/// <summary>
/// A lock across processes around package installs: a test run starts several grader processes at once, and
/// apt-get refuses to run beside another apt-get rather than waiting for it.
/// </summary>
internal sealed class InstallLock : IDisposable
{
    private readonly FileStream stream;

    private InstallLock(FileStream stream) => this.stream = stream;

    public static async Task<InstallLock> AcquireAsync(string path, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock on Unix too (.NET takes flock on the descriptor).
                return new InstallLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
