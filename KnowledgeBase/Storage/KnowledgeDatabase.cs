using Microsoft.Data.Sqlite;

namespace HwForge.KnowledgeBase.Storage;

/// <summary>Opens the SQLite file, checks it is a database, and creates the schema.</summary>
internal static class KnowledgeDatabase
{
    // SQLite's result codes for "file is not a database" and "database disk image is malformed".
    private const int NotADatabase = 26;
    private const int Corrupt = 11;

    // chunks holds the text and what is known about it; chunks_fts indexes title and body with the
    // same rowid and reads the text from chunks (external content), so the text is stored once. origin is 'corpus' for the shipped corpus (replaced whole when it changes) and
    // 'added' for everything else, which is never removed by HwForge. word_heads keeps each word's best
    // chunks by its BM25 term (TermHeads), a cache that searches fill as they need it.
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS chunks(
            id INTEGER PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            origin TEXT NOT NULL,
            path TEXT,
            run_id TEXT,
            candidate_id TEXT,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            vector BLOB);
        CREATE INDEX IF NOT EXISTS chunks_origin ON chunks(origin);
        CREATE INDEX IF NOT EXISTS chunks_kind ON chunks(kind);
        CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(title, body, content = 'chunks', content_rowid = 'id', tokenize = 'porter unicode61');
        CREATE TABLE IF NOT EXISTS word_heads(stem TEXT PRIMARY KEY, computed_at INTEGER NOT NULL, chunks BLOB NOT NULL);
        """;

    public static SqliteConnection Open(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // No pooling: the file is closed when the store is disposed, so it can be moved or deleted.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        try
        {
            connection.Open();
            // WAL lets searches in other processes run while one process writes.
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
            Execute(connection, Schema);
            return connection;
        }
        catch (Exception e)
        {
            connection.Dispose();
            throw Translate(e, path);
        }
    }

    /// <summary>A damaged file becomes a message naming it; anything else passes through.</summary>
    public static Exception Translate(Exception e, string path) =>
        e is SqliteException { SqliteErrorCode: NotADatabase or Corrupt } ? KnowledgeStoreException.Corrupt(path, e) : e;

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, transaction, parameters);
        command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, transaction, parameters);
        return command.ExecuteScalar();
    }

    public static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static string? ReadMeta(SqliteConnection connection, string key, SqliteTransaction? transaction = null) =>
        Scalar(connection, "SELECT value FROM meta WHERE key = $key", transaction, ("$key", key)) as string;

    public static void WriteMeta(SqliteConnection connection, string key, string value, SqliteTransaction? transaction = null) =>
        Execute(connection, "INSERT INTO meta(key, value) VALUES($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            transaction, ("$key", key), ("$value", value));
}
