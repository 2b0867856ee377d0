namespace Handbook.Cli;

/// <summary>Writing a user's project files: never over an existing one.</summary>
public static class ProjectFiles
{
    /// <summary>Creates <paramref name="relative"/> under <paramref name="root"/> with <paramref name="text"/>; false (and no change) if it exists.</summary>
    public static bool CreateNew(string root, string relative, string text)
    {
        var full = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        try
        {
            // CreateNew, not an existence check first: nothing can slip in between the check and the write.
            using var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            writer.Write(text);
            return true;
        }
        catch (IOException) when (File.Exists(full))
        {
            return false;
        }
    }
}
