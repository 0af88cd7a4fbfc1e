using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Frivillig.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TenantBoundReferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand: SQLite checks that a foreign key's parent columns are unique when the child
            // table is rebuilt, which may come before the parent's own rebuild adds its unique constraint.
            // These indexes bridge that gap; each goes with its table when the table is rebuilt.
            migrationBuilder.Sql("CREATE UNIQUE INDEX \"IX_Bridge_Organisations\" ON \"Organisations\" (\"MunicipalityId\", \"Id\");");
            migrationBuilder.Sql("CREATE UNIQUE INDEX \"IX_Bridge_Districts\" ON \"Districts\" (\"MunicipalityId\", \"Id\");");
            migrationBuilder.Sql("CREATE UNIQUE INDEX \"IX_Bridge_Activities\" ON \"Activities\" (\"MunicipalityId\", \"Id\");");

            migrationBuilder.DropForeignKey(
                name: "FK_Activities_Districts_DistrictId",
                table: "Activities");

            migrationBuilder.DropForeignKey(
                name: "FK_Activities_Organisations_OrganisationId",
                table: "Activities");

            migrationBuilder.DropForeignKey(
                name: "FK_DateChanges_Activities_ActivityId",
                table: "DateChanges");

            migrationBuilder.DropForeignKey(
                name: "FK_Invitations_Organisations_OrganisationId",
                table: "Invitations");

            migrationBuilder.DropForeignKey(
                name: "FK_Memberships_Organisations_OrganisationId",
                table: "Memberships");

            migrationBuilder.DropForeignKey(
                name: "FK_OrganisationDistricts_Districts_DistrictId",
                table: "OrganisationDistricts");

            migrationBuilder.DropForeignKey(
                name: "FK_OrganisationDistricts_Organisations_OrganisationId",
                table: "OrganisationDistricts");

            migrationBuilder.DropForeignKey(
                name: "FK_SignUps_Activities_ActivityId",
                table: "SignUps");

            migrationBuilder.DropIndex(
                name: "IX_OrganisationDistricts_DistrictId",
                table: "OrganisationDistricts");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_OrganisationId",
                table: "Invitations");

            migrationBuilder.DropIndex(
                name: "IX_Activities_DistrictId",
                table: "Activities");

            migrationBuilder.AddUniqueConstraint(
                name: "AK_Organisations_MunicipalityId_Id",
                table: "Organisations",
                columns: new[] { "MunicipalityId", "Id" });

            migrationBuilder.AddUniqueConstraint(
                name: "AK_Districts_MunicipalityId_Id",
                table: "Districts",
                columns: new[] { "MunicipalityId", "Id" });

            migrationBuilder.AddUniqueConstraint(
                name: "AK_Activities_MunicipalityId_Id",
                table: "Activities",
                columns: new[] { "MunicipalityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SignUps_MunicipalityId_ActivityId",
                table: "SignUps",
                columns: new[] { "MunicipalityId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationDistricts_MunicipalityId_DistrictId",
                table: "OrganisationDistricts",
                columns: new[] { "MunicipalityId", "DistrictId" });

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationDistricts_MunicipalityId_OrganisationId",
                table: "OrganisationDistricts",
                columns: new[] { "MunicipalityId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_MunicipalityId_OrganisationId",
                table: "Memberships",
                columns: new[] { "MunicipalityId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveJournal_MunicipalityId",
                table: "LiveJournal",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_MunicipalityId_OrganisationId",
                table: "Invitations",
                columns: new[] { "MunicipalityId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_DateChanges_MunicipalityId_ActivityId",
                table: "DateChanges",
                columns: new[] { "MunicipalityId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_MunicipalityId_DistrictId",
                table: "Activities",
                columns: new[] { "MunicipalityId", "DistrictId" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_MunicipalityId_OrganisationId",
                table: "Activities",
                columns: new[] { "MunicipalityId", "OrganisationId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Activities_Districts_MunicipalityId_DistrictId",
                table: "Activities",
                columns: new[] { "MunicipalityId", "DistrictId" },
                principalTable: "Districts",
                principalColumns: new[] { "MunicipalityId", "Id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Activities_Organisations_MunicipalityId_OrganisationId",
                table: "Activities",
                columns: new[] { "MunicipalityId", "OrganisationId" },
                principalTable: "Organisations",
                principalColumns: new[] { "MunicipalityId", "Id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DateChanges_Activities_MunicipalityId_ActivityId",
                table: "DateChanges",
                columns: new[] { "MunicipalityId", "ActivityId" },
                principalTable: "Activities",
                principalColumns: new[] { "MunicipalityId", "Id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Invitations_Organisations_MunicipalityId_OrganisationId",
                table: "Invitations",
                columns: new[] { "MunicipalityId", "OrganisationId" },
                principalTable: "Organisations",
                principalColumns: new[] { "MunicipalityId", "Id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_LiveJournal_Municipalities_MunicipalityId",
                table: "LiveJournal",
                column: "MunicipalityId",
                principalTable: "Municipalities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Memberships_Organisations_MunicipalityId_OrganisationId",
                table: "Memberships",
                columns: new[] { "MunicipalityId", "OrganisationId" },
                principalTable: "Organisations",
                principalColumns: new[] { "MunicipalityId", "Id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_OrganisationDistricts_Districts_MunicipalityId_DistrictId",
                table: "OrganisationDistricts",
                columns: new[] { "MunicipalityId", "DistrictId" },
                principalTable: "Districts",
                principalColumns: new[] { "MunicipalityId", "Id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_OrganisationDistricts_Organisations_MunicipalityId_OrganisationId",
                table: "OrganisationDistricts",
                columns: new[] { "MunicipalityId", "OrganisationId" },
                principalTable: "Organisations",
                principalColumns: new[] { "MunicipalityId", "Id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_SignUps_Activities_MunicipalityId_ActivityId",
                table: "SignUps",
                columns: new[] { "MunicipalityId", "ActivityId" },
                principalTable: "Activities",
                principalColumns: new[] { "MunicipalityId", "Id" },
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Activities_Districts_MunicipalityId_DistrictId",
                table: "Activities");

            migrationBuilder.DropForeignKey(
                name: "FK_Activities_Organisations_MunicipalityId_OrganisationId",
                table: "Activities");

            migrationBuilder.DropForeignKey(
                name: "FK_DateChanges_Activities_MunicipalityId_ActivityId",
                table: "DateChanges");

            migrationBuilder.DropForeignKey(
                name: "FK_Invitations_Organisations_MunicipalityId_OrganisationId",
                table: "Invitations");

            migrationBuilder.DropForeignKey(
                name: "FK_LiveJournal_Municipalities_MunicipalityId",
                table: "LiveJournal");

            migrationBuilder.DropForeignKey(
                name: "FK_Memberships_Organisations_MunicipalityId_OrganisationId",
                table: "Memberships");

            migrationBuilder.DropForeignKey(
                name: "FK_OrganisationDistricts_Districts_MunicipalityId_DistrictId",
                table: "OrganisationDistricts");

            migrationBuilder.DropForeignKey(
                name: "FK_OrganisationDistricts_Organisations_MunicipalityId_OrganisationId",
                table: "OrganisationDistricts");

            migrationBuilder.DropForeignKey(
                name: "FK_SignUps_Activities_MunicipalityId_ActivityId",
                table: "SignUps");

            migrationBuilder.DropIndex(
                name: "IX_SignUps_MunicipalityId_ActivityId",
                table: "SignUps");

            migrationBuilder.DropUniqueConstraint(
                name: "AK_Organisations_MunicipalityId_Id",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_OrganisationDistricts_MunicipalityId_DistrictId",
                table: "OrganisationDistricts");

            migrationBuilder.DropIndex(
                name: "IX_OrganisationDistricts_MunicipalityId_OrganisationId",
                table: "OrganisationDistricts");

            migrationBuilder.DropIndex(
                name: "IX_Memberships_MunicipalityId_OrganisationId",
                table: "Memberships");

            migrationBuilder.DropIndex(
                name: "IX_LiveJournal_MunicipalityId",
                table: "LiveJournal");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_MunicipalityId_OrganisationId",
                table: "Invitations");

            migrationBuilder.DropUniqueConstraint(
                name: "AK_Districts_MunicipalityId_Id",
                table: "Districts");

            migrationBuilder.DropIndex(
                name: "IX_DateChanges_MunicipalityId_ActivityId",
                table: "DateChanges");

            migrationBuilder.DropUniqueConstraint(
                name: "AK_Activities_MunicipalityId_Id",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_MunicipalityId_DistrictId",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_MunicipalityId_OrganisationId",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationDistricts_DistrictId",
                table: "OrganisationDistricts",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_OrganisationId",
                table: "Invitations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_DistrictId",
                table: "Activities",
                column: "DistrictId");

            migrationBuilder.AddForeignKey(
                name: "FK_Activities_Districts_DistrictId",
                table: "Activities",
                column: "DistrictId",
                principalTable: "Districts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Activities_Organisations_OrganisationId",
                table: "Activities",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DateChanges_Activities_ActivityId",
                table: "DateChanges",
                column: "ActivityId",
                principalTable: "Activities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Invitations_Organisations_OrganisationId",
                table: "Invitations",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Memberships_Organisations_OrganisationId",
                table: "Memberships",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_OrganisationDistricts_Districts_DistrictId",
                table: "OrganisationDistricts",
                column: "DistrictId",
                principalTable: "Districts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_OrganisationDistricts_Organisations_OrganisationId",
                table: "OrganisationDistricts",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_SignUps_Activities_ActivityId",
                table: "SignUps",
                column: "ActivityId",
                principalTable: "Activities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
