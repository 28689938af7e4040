using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Atende.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SavedViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SavedViews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FilterJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Sort = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OwnerAgentId = table.Column<int>(type: "integer", nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedViews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavedViews_Agents_OwnerAgentId",
                        column: x => x.OwnerAgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SavedViews_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_StatusCategory_DueAt",
                table: "Tickets",
                columns: new[] { "StatusCategory", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_StatusCategory_ResolvedAt",
                table: "Tickets",
                columns: new[] { "StatusCategory", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedViews_OwnerAgentId_Name",
                table: "SavedViews",
                columns: new[] { "OwnerAgentId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedViews_TeamId_Name",
                table: "SavedViews",
                columns: new[] { "TeamId", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SavedViews");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_StatusCategory_DueAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_StatusCategory_ResolvedAt",
                table: "Tickets");
        }
    }
}
