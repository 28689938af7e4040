using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Atende.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Mailboxes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MailboxId",
                table: "Tickets",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeskSecrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProtectedValue = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeskSecrets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Mailboxes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    InboundProtocol = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    InboundHost = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    InboundPort = table.Column<int>(type: "integer", nullable: false),
                    InboundSecurity = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    InboundUsername = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    ProtectedInboundPassword = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Folder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PollSeconds = table.Column<int>(type: "integer", nullable: false),
                    AfterImport = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    MoveTo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OutboundHost = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    OutboundPort = table.Column<int>(type: "integer", nullable: false),
                    OutboundSecurity = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    OutboundUsername = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    ProtectedOutboundPassword = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    TeamId = table.Column<int>(type: "integer", nullable: true),
                    RequestTypeKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    CcParticipate = table.Column<bool>(type: "boolean", nullable: false),
                    ClaimedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastPolledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mailboxes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Mailboxes_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "TicketParticipant",
                columns: table => new
                {
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketParticipant", x => new { x.TicketId, x.CustomerId });
                    table.ForeignKey(
                        name: "FK_TicketParticipant_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TicketParticipant_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_MailboxId",
                table: "Tickets",
                column: "MailboxId");

            migrationBuilder.CreateIndex(
                name: "IX_Mailboxes_Address",
                table: "Mailboxes",
                column: "Address",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Mailboxes_TeamId",
                table: "Mailboxes",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketParticipant_CustomerId",
                table: "TicketParticipant",
                column: "CustomerId");

            migrationBuilder.AddForeignKey(
                name: "FK_Tickets_Mailboxes_MailboxId",
                table: "Tickets",
                column: "MailboxId",
                principalTable: "Mailboxes",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Tickets_Mailboxes_MailboxId",
                table: "Tickets");

            migrationBuilder.DropTable(
                name: "DeskSecrets");

            migrationBuilder.DropTable(
                name: "Mailboxes");

            migrationBuilder.DropTable(
                name: "TicketParticipant");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_MailboxId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "MailboxId",
                table: "Tickets");
        }
    }
}
