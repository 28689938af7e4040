using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Atende.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReportsB : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_TimeEntries_CreatedAt",
                table: "TimeEntries",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_FirstRespondedAt",
                table: "Tickets",
                column: "FirstRespondedAt");

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
                name: "IX_KnowledgeArticleHours_HourStart",
                table: "KnowledgeArticleHours",
                column: "HourStart");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KnowledgeArticleHours");

            migrationBuilder.DropIndex(
                name: "IX_TimeEntries_CreatedAt",
                table: "TimeEntries");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_FirstRespondedAt",
                table: "Tickets");

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
