using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Atende.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EmailChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Automatic",
                table: "OutboundEmails",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "HeaderMessageId",
                table: "OutboundEmails",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InReplyTo",
                table: "OutboundEmails",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MailboxId",
                table: "OutboundEmails",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "References",
                table: "OutboundEmails",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyTo",
                table: "OutboundEmails",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TicketMessageId",
                table: "OutboundEmails",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Detail",
                table: "Notifications",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EmailBouncingSince",
                table: "Customers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DigestItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Event = table.Column<int>(type: "INTEGER", nullable: false),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    OutboxMessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigestItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DigestItems_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DigestItems_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmailTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdatedByAgentId = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FailedMails",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MailboxId = table.Column<int>(type: "INTEGER", nullable: false),
                    Raw = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    From = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    FailedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastTriedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FailedMails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FailedMails_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FailedMails_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ImportedMails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MailboxId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: true),
                    AtendeMessageId = table.Column<int>(type: "INTEGER", nullable: true),
                    OriginalText = table.Column<string>(type: "TEXT", nullable: true),
                    RawSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RawSize = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedMails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportedMails_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImportedMails_Messages_AtendeMessageId",
                        column: x => x.AtendeMessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ImportedMails_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "NotificationPreferences",
                columns: table => new
                {
                    AgentId = table.Column<int>(type: "INTEGER", nullable: false),
                    InApp = table.Column<int>(type: "INTEGER", nullable: false),
                    Email = table.Column<int>(type: "INTEGER", nullable: false),
                    Digest = table.Column<bool>(type: "INTEGER", nullable: false),
                    DigestTimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DigestDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastDigestAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DigestLockedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DigestLockedUntil = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationPreferences", x => x.AgentId);
                    table.ForeignKey(
                        name: "FK_NotificationPreferences_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_DigestItems_AgentId_Id",
                table: "DigestItems",
                columns: new[] { "AgentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DigestItems_OutboxMessageId_AgentId_Event",
                table: "DigestItems",
                columns: new[] { "OutboxMessageId", "AgentId", "Event" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DigestItems_TicketId",
                table: "DigestItems",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailTemplates_Key_Language",
                table: "EmailTemplates",
                columns: new[] { "Key", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FailedMails_MailboxId_ResolvedAt_FailedAt",
                table: "FailedMails",
                columns: new[] { "MailboxId", "ResolvedAt", "FailedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FailedMails_ResolvedAt_FailedAt",
                table: "FailedMails",
                columns: new[] { "ResolvedAt", "FailedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FailedMails_TicketId",
                table: "FailedMails",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedMails_AtendeMessageId",
                table: "ImportedMails",
                column: "AtendeMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedMails_MailboxId_Key",
                table: "ImportedMails",
                columns: new[] { "MailboxId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportedMails_MessageId",
                table: "ImportedMails",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedMails_TicketId_Id",
                table: "ImportedMails",
                columns: new[] { "TicketId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationPreferences_DigestDueAt",
                table: "NotificationPreferences",
                column: "DigestDueAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DigestItems");

            migrationBuilder.DropTable(
                name: "EmailTemplates");

            migrationBuilder.DropTable(
                name: "FailedMails");

            migrationBuilder.DropTable(
                name: "ImportedMails");

            migrationBuilder.DropTable(
                name: "NotificationPreferences");

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

            migrationBuilder.DropColumn(
                name: "Detail",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "EmailBouncingSince",
                table: "Customers");
        }
    }
}
