using System.IO.Compression;
using System.Text;

namespace Grader.Core.Tests.Intake;

/// <summary>One entry of a zip built by a test: any name (hostile ones too), bytes, and the unix mode to record.</summary>
internal sealed record ZipItem(string Name, byte[] Content, int UnixMode = 0)
{
    public const int RegularFile = 0x8000;
    public const int SymbolicLink = 0xA000;

    public static ZipItem Text(string name, string content = "#!/usr/bin/env python3\n", int unixMode = 0) => new(name, Encoding.UTF8.GetBytes(content), unixMode);

    public static ZipItem Executable(string name) => Text(name, unixMode: RegularFile | 0b111_101_101);

    public static ZipItem Link(string name, string target) => Text(name, target, SymbolicLink | 0b111_111_111);
}

/// <summary>Builds real zip files with <see cref="ZipArchive"/>.</summary>
internal static class TestZip
{
    public static string Write(string path, params ZipItem[] items)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var item in items)
            {
                var entry = zip.CreateEntry(item.Name, CompressionLevel.Fastest);
                entry.ExternalAttributes = unchecked(item.UnixMode << 16);
                using var stream = entry.Open();
                stream.Write(item.Content);
            }
        }

        return path;
    }

    /// <summary>A zip bomb: one entry of <paramref name="bytes"/> zeros, which deflate shrinks about a thousand times.</summary>
    public static string Bomb(string path, long bytes)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var stream = zip.CreateEntry("zeros.py", CompressionLevel.SmallestSize).Open();
        var zeros = new byte[1024 * 1024];
        for (long written = 0; written < bytes; written += zeros.Length)
        {
            stream.Write(zeros);
        }

        return path;
    }

    /// <summary>The bytes of a zip holding <paramref name="items"/>, e.g. to nest it in another zip.</summary>
    public static byte[] Bytes(params ZipItem[] items)
    {
        var path = System.IO.Path.GetTempFileName();
        try
        {
            File.Delete(path);
            Write(path, items);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
