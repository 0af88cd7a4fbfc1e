using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace Frivillig.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ResidentsAndStaff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "City",
                table: "Organisations",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PictureAlt",
                table: "Organisations",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PictureId",
                table: "Organisations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostalCode",
                table: "Organisations",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StreetAddress",
                table: "Organisations",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactAddress",
                table: "Municipalities",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "Municipalities",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "Municipalities",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Districts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "Districts",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "City",
                table: "Activities",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PictureAlt",
                table: "Activities",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PictureId",
                table: "Activities",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostalCode",
                table: "Activities",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StreetAddress",
                table: "Activities",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "ActivitySearch",
                table: "Activities",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('norwegian'::regconfig, coalesce(\"Title\", '') || ' ' || coalesce(\"Summary\", '') || ' ' || coalesce(\"Description\", '') || ' ' || coalesce(\"Place\", '') || ' ' || coalesce(\"StreetAddress\", '') || ' ' || coalesce(\"City\", ''))",
                stored: true);

            migrationBuilder.AddUniqueConstraint(
                name: "AK_SignUps_MunicipalityId_Id",
                table: "SignUps",
                columns: new[] { "MunicipalityId", "Id" });

            migrationBuilder.CreateTable(
                name: "Pictures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    Small = table.Column<byte[]>(type: "bytea", nullable: false),
                    Medium = table.Column<byte[]>(type: "bytea", nullable: false),
                    Large = table.Column<byte[]>(type: "bytea", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    SignUpId = table.Column<int>(type: "integer", nullable: false),
                    OccurrenceStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "IX_Activities_ActivitySearch",
                table: "Activities",
                column: "ActivitySearch")
                .Annotation("Npgsql:IndexMethod", "GIN");

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
                name: "IX_Activities_ActivitySearch",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_MunicipalityId_PictureId",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "ActivitySearch",
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
