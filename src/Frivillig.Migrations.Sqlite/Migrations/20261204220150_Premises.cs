using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Frivillig.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Premises : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Buildings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StreetAddress = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    OpeningNotes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StepFreeEntrance = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessibleToilet = table.Column<bool>(type: "INTEGER", nullable: false),
                    HearingLoop = table.Column<bool>(type: "INTEGER", nullable: false),
                    Lift = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessInstructions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Buildings", x => x.Id);
                    table.UniqueConstraint("AK_Buildings_MunicipalityId_Id", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_Buildings_Districts_MunicipalityId_DistrictId",
                        columns: x => new { x.MunicipalityId, x.DistrictId },
                        principalTable: "Districts",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Buildings_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Seasons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ApplicationDeadline = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Seasons", x => x.Id);
                    table.UniqueConstraint("AK_Seasons_MunicipalityId_Id", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_Seasons_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Rooms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    BuildingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentRoomId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Equipment = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Rules = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PricePerHourNok = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    FreeForNonProfits = table.Column<bool>(type: "INTEGER", nullable: false),
                    AutoApprove = table.Column<bool>(type: "INTEGER", nullable: false),
                    FeedToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rooms", x => x.Id);
                    table.UniqueConstraint("AK_Rooms_MunicipalityId_Id", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_Rooms_Buildings_MunicipalityId_BuildingId",
                        columns: x => new { x.MunicipalityId, x.BuildingId },
                        principalTable: "Buildings",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Rooms_Rooms_MunicipalityId_ParentRoomId",
                        columns: x => new { x.MunicipalityId, x.ParentRoomId },
                        principalTable: "Rooms",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BookableWindows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoomId = table.Column<int>(type: "INTEGER", nullable: false),
                    Weekday = table.Column<int>(type: "INTEGER", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookableWindows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BookableWindows_Rooms_MunicipalityId_RoomId",
                        columns: x => new { x.MunicipalityId, x.RoomId },
                        principalTable: "Rooms",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Bookings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoomId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: true),
                    SeasonId = table.Column<int>(type: "INTEGER", nullable: true),
                    RequestedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Weekly = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RulesAcceptedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseHandlerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bookings", x => x.Id);
                    table.UniqueConstraint("AK_Bookings_MunicipalityId_Id", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_Bookings_Activities_MunicipalityId_ActivityId",
                        columns: x => new { x.MunicipalityId, x.ActivityId },
                        principalTable: "Activities",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Bookings_Organisations_MunicipalityId_OrganisationId",
                        columns: x => new { x.MunicipalityId, x.OrganisationId },
                        principalTable: "Organisations",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Bookings_Rooms_MunicipalityId_RoomId",
                        columns: x => new { x.MunicipalityId, x.RoomId },
                        principalTable: "Rooms",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Bookings_Seasons_MunicipalityId_SeasonId",
                        columns: x => new { x.MunicipalityId, x.SeasonId },
                        principalTable: "Seasons",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Closures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    BuildingId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoomId = table.Column<int>(type: "INTEGER", nullable: true),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Closures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Closures_Buildings_MunicipalityId_BuildingId",
                        columns: x => new { x.MunicipalityId, x.BuildingId },
                        principalTable: "Buildings",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Closures_Rooms_MunicipalityId_RoomId",
                        columns: x => new { x.MunicipalityId, x.RoomId },
                        principalTable: "Rooms",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BookingDates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    BookingId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoomId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Cancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessMailedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookingDates", x => x.Id);
                    table.UniqueConstraint("AK_BookingDates_MunicipalityId_Id", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_BookingDates_Bookings_MunicipalityId_BookingId",
                        columns: x => new { x.MunicipalityId, x.BookingId },
                        principalTable: "Bookings",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OccupiedSlots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    BookingDateId = table.Column<int>(type: "INTEGER", nullable: false),
                    BookingId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitRoomId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OccupiedSlots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OccupiedSlots_BookingDates_MunicipalityId_BookingDateId",
                        columns: x => new { x.MunicipalityId, x.BookingDateId },
                        principalTable: "BookingDates",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OccupiedSlots_Bookings_MunicipalityId_BookingId",
                        columns: x => new { x.MunicipalityId, x.BookingId },
                        principalTable: "Bookings",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OccupiedSlots_Rooms_MunicipalityId_UnitRoomId",
                        columns: x => new { x.MunicipalityId, x.UnitRoomId },
                        principalTable: "Rooms",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BookableWindows_MunicipalityId_RoomId",
                table: "BookableWindows",
                columns: new[] { "MunicipalityId", "RoomId" });

            migrationBuilder.CreateIndex(
                name: "IX_BookingDates_AccessMailedAt_StartsAt",
                table: "BookingDates",
                columns: new[] { "AccessMailedAt", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BookingDates_MunicipalityId_BookingId",
                table: "BookingDates",
                columns: new[] { "MunicipalityId", "BookingId" });

            migrationBuilder.CreateIndex(
                name: "IX_BookingDates_RoomId_StartsAt",
                table: "BookingDates",
                columns: new[] { "RoomId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_MunicipalityId_ActivityId",
                table: "Bookings",
                columns: new[] { "MunicipalityId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_MunicipalityId_OrganisationId",
                table: "Bookings",
                columns: new[] { "MunicipalityId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_MunicipalityId_RoomId",
                table: "Bookings",
                columns: new[] { "MunicipalityId", "RoomId" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_MunicipalityId_SeasonId",
                table: "Bookings",
                columns: new[] { "MunicipalityId", "SeasonId" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_MunicipalityId_Status",
                table: "Bookings",
                columns: new[] { "MunicipalityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_OrganisationId",
                table: "Bookings",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Buildings_MunicipalityId_DistrictId",
                table: "Buildings",
                columns: new[] { "MunicipalityId", "DistrictId" });

            migrationBuilder.CreateIndex(
                name: "IX_Closures_BuildingId_StartsAt",
                table: "Closures",
                columns: new[] { "BuildingId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Closures_MunicipalityId_BuildingId",
                table: "Closures",
                columns: new[] { "MunicipalityId", "BuildingId" });

            migrationBuilder.CreateIndex(
                name: "IX_Closures_MunicipalityId_RoomId",
                table: "Closures",
                columns: new[] { "MunicipalityId", "RoomId" });

            migrationBuilder.CreateIndex(
                name: "IX_OccupiedSlots_MunicipalityId_BookingDateId",
                table: "OccupiedSlots",
                columns: new[] { "MunicipalityId", "BookingDateId" });

            migrationBuilder.CreateIndex(
                name: "IX_OccupiedSlots_MunicipalityId_BookingId",
                table: "OccupiedSlots",
                columns: new[] { "MunicipalityId", "BookingId" });

            migrationBuilder.CreateIndex(
                name: "IX_OccupiedSlots_MunicipalityId_UnitRoomId",
                table: "OccupiedSlots",
                columns: new[] { "MunicipalityId", "UnitRoomId" });

            migrationBuilder.CreateIndex(
                name: "IX_OccupiedSlots_UnitRoomId_StartsAt_EndsAt",
                table: "OccupiedSlots",
                columns: new[] { "UnitRoomId", "StartsAt", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Rooms_FeedToken",
                table: "Rooms",
                column: "FeedToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rooms_MunicipalityId_BuildingId",
                table: "Rooms",
                columns: new[] { "MunicipalityId", "BuildingId" });

            migrationBuilder.CreateIndex(
                name: "IX_Rooms_MunicipalityId_ParentRoomId",
                table: "Rooms",
                columns: new[] { "MunicipalityId", "ParentRoomId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BookableWindows");

            migrationBuilder.DropTable(
                name: "Closures");

            migrationBuilder.DropTable(
                name: "OccupiedSlots");

            migrationBuilder.DropTable(
                name: "BookingDates");

            migrationBuilder.DropTable(
                name: "Bookings");

            migrationBuilder.DropTable(
                name: "Rooms");

            migrationBuilder.DropTable(
                name: "Seasons");

            migrationBuilder.DropTable(
                name: "Buildings");
        }
    }
}
