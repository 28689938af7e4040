using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Atende.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Reporting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DashboardHomes",
                columns: table => new
                {
                    AgentId = table.Column<int>(type: "integer", nullable: false),
                    DashboardKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardHomes", x => x.AgentId);
                    table.ForeignKey(
                        name: "FK_DashboardHomes_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Dashboards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OwnerAgentId = table.Column<int>(type: "integer", nullable: false),
                    Sharing = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dashboards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Dashboards_Agents_OwnerAgentId",
                        column: x => x.OwnerAgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Dashboards_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeArticleHours",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    HourStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Views = table.Column<int>(type: "integer", nullable: false),
                    Helpful = table.Column<int>(type: "integer", nullable: false),
                    NotHelpful = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeArticleHours", x => new { x.ArticleId, x.HourStart });
                    table.ForeignKey(
                        name: "FK_KnowledgeArticleHours_KnowledgeArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "KnowledgeArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DashboardWidgets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DashboardId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Report = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Metrics = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    GroupBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Period = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: true),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    TeamId = table.Column<int>(type: "integer", nullable: true),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    Type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Priority = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Agent = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Compare = table.Column<bool>(type: "boolean", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardWidgets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DashboardWidgets_Dashboards_DashboardId",
                        column: x => x.DashboardId,
                        principalTable: "Dashboards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TimeEntries_CreatedAt",
                table: "TimeEntries",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_FirstRespondedAt",
                table: "Tickets",
                column: "FirstRespondedAt");

            migrationBuilder.CreateIndex(
                name: "IX_TicketHistory_Reopens",
                table: "TicketHistory",
                column: "At",
                filter: "\"Field\" = 'resolvedAt' AND \"To\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SlaTargets_AchievedAt_BreachedAt_DueAt",
                table: "SlaTargets",
                columns: new[] { "AchievedAt", "BreachedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaTargets_BreachedAt",
                table: "SlaTargets",
                column: "BreachedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SatisfactionRatings_OfferedAt",
                table: "SatisfactionRatings",
                column: "OfferedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_CreatedAt_AuthorAgentId",
                table: "Messages",
                columns: new[] { "CreatedAt", "AuthorAgentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Dashboards_OwnerAgentId_Name",
                table: "Dashboards",
                columns: new[] { "OwnerAgentId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Dashboards_Sharing_TeamId",
                table: "Dashboards",
                columns: new[] { "Sharing", "TeamId" });

            migrationBuilder.CreateIndex(
                name: "IX_Dashboards_TeamId",
                table: "Dashboards",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_DashboardWidgets_DashboardId_Position",
                table: "DashboardWidgets",
                columns: new[] { "DashboardId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticleHours_HourStart",
                table: "KnowledgeArticleHours",
                column: "HourStart");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DashboardHomes");

            migrationBuilder.DropTable(
                name: "DashboardWidgets");

            migrationBuilder.DropTable(
                name: "KnowledgeArticleHours");

            migrationBuilder.DropTable(
                name: "Dashboards");

            migrationBuilder.DropIndex(
                name: "IX_TimeEntries_CreatedAt",
                table: "TimeEntries");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_FirstRespondedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_TicketHistory_Reopens",
                table: "TicketHistory");

            migrationBuilder.DropIndex(
                name: "IX_SlaTargets_AchievedAt_BreachedAt_DueAt",
                table: "SlaTargets");

            migrationBuilder.DropIndex(
                name: "IX_SlaTargets_BreachedAt",
                table: "SlaTargets");

            migrationBuilder.DropIndex(
                name: "IX_SatisfactionRatings_OfferedAt",
                table: "SatisfactionRatings");

            migrationBuilder.DropIndex(
                name: "IX_Messages_CreatedAt_AuthorAgentId",
                table: "Messages");
        }
    }
}
