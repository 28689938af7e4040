using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Atende.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OutboundMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Automatic",
                table: "OutboundEmails",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "HeaderMessageId",
                table: "OutboundEmails",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InReplyTo",
                table: "OutboundEmails",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MailboxId",
                table: "OutboundEmails",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "References",
                table: "OutboundEmails",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyTo",
                table: "OutboundEmails",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TicketMessageId",
                table: "OutboundEmails",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EmailTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    UpdatedByAgentId = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailTemplates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboundEmails_TicketId_Id",
                table: "OutboundEmails",
                columns: new[] { "TicketId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboundEmails_TicketMessageId",
                table: "OutboundEmails",
                column: "TicketMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailTemplates_Key_Language",
                table: "EmailTemplates",
                columns: new[] { "Key", "Language" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmailTemplates");

            migrationBuilder.DropIndex(
                name: "IX_OutboundEmails_TicketId_Id",
                table: "OutboundEmails");

            migrationBuilder.DropIndex(
                name: "IX_OutboundEmails_TicketMessageId",
                table: "OutboundEmails");

            migrationBuilder.DropColumn(
                name: "Automatic",
                table: "OutboundEmails");

            migrationBuilder.DropColumn(
                name: "HeaderMessageId",
                table: "OutboundEmails");

            migrationBuilder.DropColumn(
                name: "InReplyTo",
                table: "OutboundEmails");

            migrationBuilder.DropColumn(
                name: "MailboxId",
                table: "OutboundEmails");

            migrationBuilder.DropColumn(
                name: "References",
                table: "OutboundEmails");

            migrationBuilder.DropColumn(
                name: "ReplyTo",
                table: "OutboundEmails");

            migrationBuilder.DropColumn(
                name: "TicketMessageId",
                table: "OutboundEmails");
        }
    }
}
