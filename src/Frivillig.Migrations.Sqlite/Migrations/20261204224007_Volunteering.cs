using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Frivillig.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Volunteering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Politiattester",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ShownOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SeenByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SeenByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Politiattester", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Politiattester_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Politiattester_Organisations_MunicipalityId_OrganisationId",
                        columns: x => new { x.MunicipalityId, x.OrganisationId },
                        principalTable: "Organisations",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingCompletions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ModuleSlug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingCompletions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingCompletions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TrainingCompletions_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Skills = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Districts = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Days = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TimesOfDay = table.Column<int>(type: "INTEGER", nullable: false),
                    Availability = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NotifyOnNewRoles = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VolunteerProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VolunteerProfiles_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerRoles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: true),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TaskKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MayDoText = table.Column<string>(type: "TEXT", maxLength: 7000, nullable: false),
                    MayNotDoText = table.Column<string>(type: "TEXT", maxLength: 7000, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    StaffNames = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StaffEmailsText = table.Column<string>(type: "TEXT", maxLength: 1300, nullable: false),
                    ExpectedTime = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequiredModulesText = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    NeedsDeclaration = table.Column<bool>(type: "INTEGER", nullable: false),
                    InvolvesTrust = table.Column<bool>(type: "INTEGER", nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DaysText = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TimesOfDay = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerRoles", x => x.Id);
                    table.UniqueConstraint("AK_VolunteerRoles_MunicipalityId_Id", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_VolunteerRoles_Activities_MunicipalityId_ActivityId",
                        columns: x => new { x.MunicipalityId, x.ActivityId },
                        principalTable: "Activities",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VolunteerRoles_Districts_MunicipalityId_DistrictId",
                        columns: x => new { x.MunicipalityId, x.DistrictId },
                        principalTable: "Districts",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VolunteerRoles_Organisations_MunicipalityId_OrganisationId",
                        columns: x => new { x.MunicipalityId, x.OrganisationId },
                        principalTable: "Organisations",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeclarationSignatures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoleId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SignedName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeclarationSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeclarationSignatures_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DeclarationSignatures_Organisations_MunicipalityId_OrganisationId",
                        columns: x => new { x.MunicipalityId, x.OrganisationId },
                        principalTable: "Organisations",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DeclarationSignatures_VolunteerRoles_MunicipalityId_RoleId",
                        columns: x => new { x.MunicipalityId, x.RoleId },
                        principalTable: "VolunteerRoles",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoleApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoleId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    StaffToldAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoleApplications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RoleApplications_VolunteerRoles_MunicipalityId_RoleId",
                        columns: x => new { x.MunicipalityId, x.RoleId },
                        principalTable: "VolunteerRoles",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Shifts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoleId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Places = table.Column<int>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SeriesKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Cancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CheckInCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    BriefingShared = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    BriefingStaffOnly = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    BriefingUpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Shifts", x => x.Id);
                    table.UniqueConstraint("AK_Shifts_MunicipalityId_Id", x => new { x.MunicipalityId, x.Id });
                    table.ForeignKey(
                        name: "FK_Shifts_VolunteerRoles_MunicipalityId_RoleId",
                        columns: x => new { x.MunicipalityId, x.RoleId },
                        principalTable: "VolunteerRoles",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BriefingViews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    ShiftId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ViewedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BriefingViews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BriefingViews_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_BriefingViews_Shifts_MunicipalityId_ShiftId",
                        columns: x => new { x.MunicipalityId, x.ShiftId },
                        principalTable: "Shifts",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ShiftSignUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    ShiftId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PromotedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckedInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckedInBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    HoursApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HoursApprovedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CalendarSequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShiftSignUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShiftSignUps_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ShiftSignUps_Shifts_MunicipalityId_ShiftId",
                        columns: x => new { x.MunicipalityId, x.ShiftId },
                        principalTable: "Shifts",
                        principalColumns: new[] { "MunicipalityId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BriefingViews_MunicipalityId_ShiftId",
                table: "BriefingViews",
                columns: new[] { "MunicipalityId", "ShiftId" });

            migrationBuilder.CreateIndex(
                name: "IX_BriefingViews_ShiftId",
                table: "BriefingViews",
                column: "ShiftId");

            migrationBuilder.CreateIndex(
                name: "IX_BriefingViews_UserId",
                table: "BriefingViews",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_DeclarationSignatures_MunicipalityId_OrganisationId",
                table: "DeclarationSignatures",
                columns: new[] { "MunicipalityId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_DeclarationSignatures_MunicipalityId_RoleId",
                table: "DeclarationSignatures",
                columns: new[] { "MunicipalityId", "RoleId" });

            migrationBuilder.CreateIndex(
                name: "IX_DeclarationSignatures_UserId_OrganisationId",
                table: "DeclarationSignatures",
                columns: new[] { "UserId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Politiattester_MunicipalityId_OrganisationId",
                table: "Politiattester",
                columns: new[] { "MunicipalityId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Politiattester_OrganisationId_UserId",
                table: "Politiattester",
                columns: new[] { "OrganisationId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Politiattester_UserId",
                table: "Politiattester",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleApplications_MunicipalityId_RoleId",
                table: "RoleApplications",
                columns: new[] { "MunicipalityId", "RoleId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoleApplications_RoleId_UserId",
                table: "RoleApplications",
                columns: new[] { "RoleId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoleApplications_UserId",
                table: "RoleApplications",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Shifts_MunicipalityId_RoleId",
                table: "Shifts",
                columns: new[] { "MunicipalityId", "RoleId" });

            migrationBuilder.CreateIndex(
                name: "IX_Shifts_RoleId_StartsAt",
                table: "Shifts",
                columns: new[] { "RoleId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ShiftSignUps_MunicipalityId_ShiftId",
                table: "ShiftSignUps",
                columns: new[] { "MunicipalityId", "ShiftId" });

            migrationBuilder.CreateIndex(
                name: "IX_ShiftSignUps_ShiftId_Status",
                table: "ShiftSignUps",
                columns: new[] { "ShiftId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ShiftSignUps_UserId",
                table: "ShiftSignUps",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCompletions_MunicipalityId_UserId_ModuleSlug_Version",
                table: "TrainingCompletions",
                columns: new[] { "MunicipalityId", "UserId", "ModuleSlug", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCompletions_UserId",
                table: "TrainingCompletions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerProfiles_MunicipalityId_UserId",
                table: "VolunteerProfiles",
                columns: new[] { "MunicipalityId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerProfiles_UserId",
                table: "VolunteerProfiles",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerRoles_MunicipalityId_ActivityId",
                table: "VolunteerRoles",
                columns: new[] { "MunicipalityId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerRoles_MunicipalityId_DistrictId",
                table: "VolunteerRoles",
                columns: new[] { "MunicipalityId", "DistrictId" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerRoles_MunicipalityId_OrganisationId",
                table: "VolunteerRoles",
                columns: new[] { "MunicipalityId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerRoles_MunicipalityId_Status",
                table: "VolunteerRoles",
                columns: new[] { "MunicipalityId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BriefingViews");

            migrationBuilder.DropTable(
                name: "DeclarationSignatures");

            migrationBuilder.DropTable(
                name: "Politiattester");

            migrationBuilder.DropTable(
                name: "RoleApplications");

            migrationBuilder.DropTable(
                name: "ShiftSignUps");

            migrationBuilder.DropTable(
                name: "TrainingCompletions");

            migrationBuilder.DropTable(
                name: "VolunteerProfiles");

            migrationBuilder.DropTable(
                name: "Shifts");

            migrationBuilder.DropTable(
                name: "VolunteerRoles");
        }
    }
}
