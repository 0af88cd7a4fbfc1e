using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Frivillig.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ActivitySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand: full-text search over activities for SQLite (FTS5; PostgreSQL has a tsvector
            // column in the model instead). A migration of its own, after the one that rebuilds Activities:
            // SQLite drops a table's triggers with it, and EF rebuilds tables at the end of a migration.
            // A later migration that rebuilds Activities must recreate the triggers (SearchSql.Triggers);
            // the search tests fail on SQLite until it does.
            migrationBuilder.Sql(SearchSql.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchSql.Drop);
        }
    }
}
