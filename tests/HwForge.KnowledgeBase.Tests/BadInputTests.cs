using HwForge.KnowledgeBase.Storage;

namespace HwForge.KnowledgeBase.Tests;

/// <summary>Bad files are skipped one by one with a reason; a damaged database is reported, never replaced.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Binary_huge_unreadable_and_missing_files_are_skipped_with_a_reason_and_the_rest_is_added()
    {
        var docs = Path.Combine(_folder.Path, "docs");
        _folder.Write("docs/notes.md", "# Notes\n\n## Reset\n\nThe frobnicator reset is active low.\n");
        File.WriteAllBytes(Path.Combine(docs, "image.v"), [0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02, 0x00]);
        File.WriteAllText(Path.Combine(docs, "huge.txt"), new string('x', (int)FileIngest.MaxFileBytes + 1));
        File.CreateSymbolicLink(Path.Combine(docs, "gone.md"), Path.Combine(docs, "deleted-long-ago.md"));
        File.WriteAllBytes(Path.Combine(docs, "latin1.txt"), [0x63, 0x61, 0x66, 0xe9, 0x0a]);
        var missing = Path.Combine(_folder.Path, "nowhere.md");

        await using var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database);
        var report = await FileIngest.AddAsync(store, [docs, missing]);

        Assert.Equal(1, report.Files);
        Assert.Equal(1, report.Chunks);
        Assert.Collection(report.Skipped.OrderBy(s => s.Path, StringComparer.Ordinal),
            s => { Assert.EndsWith("gone.md", s.Path); Assert.StartsWith("cannot be read", s.Reason); },
            s => { Assert.EndsWith("huge.txt", s.Path); Assert.StartsWith("too large", s.Reason); },
            s => { Assert.EndsWith("image.v", s.Path); Assert.StartsWith("binary", s.Reason); },
            s => { Assert.EndsWith("latin1.txt", s.Path); Assert.StartsWith("not UTF-8", s.Reason); },
            s => { Assert.Equal(missing, s.Path); Assert.Equal("no such file or folder", s.Reason); });
        Assert.Single(await store.SearchAsync("frobnicator reset", 5));
    }

    [Fact]
    public async Task A_corrupt_database_is_reported_with_its_path_and_left_untouched()
    {
        var garbage = new byte[64 * 1024];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(_folder.Database, garbage);

        var error = await Assert.ThrowsAsync<KnowledgeStoreException>(() => SqliteKnowledgeStore.OpenAsync(_folder.Database));

        Assert.Contains(_folder.Database, error.Message);
        Assert.Contains("not a usable SQLite database", error.Message);
        Assert.Contains("move it aside", error.Message);
        Assert.Equal(garbage, File.ReadAllBytes(_folder.Database));
    }

    public void Dispose() => _folder.Dispose();
}
