namespace Frivillig.Migrations.Sqlite;

/// <summary>
/// SQLite's full-text index over activities: an FTS5 table over the Activities rows, with triggers that
/// keep it in step on insert, update and delete. unicode61 folds case and accents for every alphabet
/// (so "Kafé" finds "kafe"); the app stems Norwegian words itself and searches by prefix.
/// </summary>
public static class SearchSql
{
    private const string Columns = "\"Title\", \"Summary\", \"Description\", \"Place\", \"StreetAddress\", \"City\"";

    public const string Create = $"""
        CREATE VIRTUAL TABLE "ActivitySearch" USING fts5({Columns}, content='Activities', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
        INSERT INTO "ActivitySearch"("ActivitySearch") VALUES ('rebuild');
        {Triggers}
        """;

    /// <summary>Recreate these in any later migration that rebuilds the Activities table.</summary>
    public const string Triggers = $"""
        CREATE TRIGGER "Activities_Search_Insert" AFTER INSERT ON "Activities" BEGIN
          INSERT INTO "ActivitySearch"(rowid, {Columns}) VALUES (new."Id", new."Title", new."Summary", new."Description", new."Place", new."StreetAddress", new."City");
        END;
        CREATE TRIGGER "Activities_Search_Delete" AFTER DELETE ON "Activities" BEGIN
          INSERT INTO "ActivitySearch"("ActivitySearch", rowid, {Columns}) VALUES ('delete', old."Id", old."Title", old."Summary", old."Description", old."Place", old."StreetAddress", old."City");
        END;
        CREATE TRIGGER "Activities_Search_Update" AFTER UPDATE OF "Title", "Summary", "Description", "Place", "StreetAddress", "City" ON "Activities" BEGIN
          INSERT INTO "ActivitySearch"("ActivitySearch", rowid, {Columns}) VALUES ('delete', old."Id", old."Title", old."Summary", old."Description", old."Place", old."StreetAddress", old."City");
          INSERT INTO "ActivitySearch"(rowid, {Columns}) VALUES (new."Id", new."Title", new."Summary", new."Description", new."Place", new."StreetAddress", new."City");
        END;
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS "Activities_Search_Insert";
        DROP TRIGGER IF EXISTS "Activities_Search_Delete";
        DROP TRIGGER IF EXISTS "Activities_Search_Update";
        DROP TABLE IF EXISTS "ActivitySearch";
        """;
}
