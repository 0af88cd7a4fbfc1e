using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Frivillig.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ResidentsAndStaff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand: the parent key of WaitlistedDates' foreign key must be unique before the
            // SignUps rebuild adds its unique constraint (as in TenantBoundReferences).
            migrationBuilder.Sql("CREATE UNIQUE INDEX \"IX_Bridge_SignUps\" ON \"SignUps\" (\"MunicipalityId\", \"Id\");");

            migrationBuilder.AddColumn<string>(
                name: "City",
                table: "Organisations",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PictureAlt",
                table: "Organisations",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PictureId",
                table: "Organisations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostalCode",
                table: "Organisations",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StreetAddress",
                table: "Organisations",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactAddress",
                table: "Municipalities",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "Municipalities",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "Municipalities",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Districts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "Districts",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "City",
                table: "Activities",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PictureAlt",
                table: "Activities",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PictureId",
                table: "Activities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostalCode",
                table: "Activities",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StreetAddress",
                table: "Activities",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddUniqueConstraint(
                name: "AK_SignUps_MunicipalityId_Id",
                table: "SignUps",
                columns: new[] { "MunicipalityId", "Id" });

            migrationBuilder.CreateTable(
                name: "Pictures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Small = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Medium = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Large = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pictures", x => x.Id);
                    table.UniqueConstraint("AK_Pictures_MunicipalityId_Id", x => new { x.MunicipalityId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "WaitlistedDates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    SignUpId = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurrenceStart = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaitlistedDates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WaitlistedDates_SignUps_MunicipalityId_SignUpId",
                        columns: x => new { x.MunicipalityId, x.SignUpId },
                        principalTable: "SignUps",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_MunicipalityId_PictureId",
                table: "Organisations",
                columns: new[] { "MunicipalityId", "PictureId" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_MunicipalityId_PictureId",
                table: "Activities",
                columns: new[] { "MunicipalityId", "PictureId" });

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistedDates_MunicipalityId_SignUpId",
                table: "WaitlistedDates",
                columns: new[] { "MunicipalityId", "SignUpId" });

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistedDates_SignUpId_OccurrenceStart",
                table: "WaitlistedDates",
                columns: new[] { "SignUpId", "OccurrenceStart" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Activities_Pictures_MunicipalityId_PictureId",
                table: "Activities",
                columns: new[] { "MunicipalityId", "PictureId" },
                principalTable: "Pictures",
                principalColumns: new[] { "MunicipalityId", "Id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Organisations_Pictures_MunicipalityId_PictureId",
                table: "Organisations",
                columns: new[] { "MunicipalityId", "PictureId" },
                principalTable: "Pictures",
                principalColumns: new[] { "MunicipalityId", "Id" },
                onDelete: ReferentialAction.Restrict);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Activities_Pictures_MunicipalityId_PictureId",
                table: "Activities");

            migrationBuilder.DropForeignKey(
                name: "FK_Organisations_Pictures_MunicipalityId_PictureId",
                table: "Organisations");

            migrationBuilder.DropTable(
                name: "Pictures");

            migrationBuilder.DropTable(
                name: "WaitlistedDates");

            migrationBuilder.DropUniqueConstraint(
                name: "AK_SignUps_MunicipalityId_Id",
                table: "SignUps");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_MunicipalityId_PictureId",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Activities_MunicipalityId_PictureId",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "City",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "PictureAlt",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "PictureId",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "PostalCode",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "StreetAddress",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "ContactAddress",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "ContactPhone",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "Districts");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "Districts");

            migrationBuilder.DropColumn(
                name: "City",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "PictureAlt",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "PictureId",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "PostalCode",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "StreetAddress",
                table: "Activities");
        }
    }
}
