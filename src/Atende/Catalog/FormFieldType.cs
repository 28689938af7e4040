using System.Text.Json.Serialization;

namespace Atende.Catalog;

public enum FormFieldType
{
    Text = 0,
    [JsonStringEnumMemberName("longText")] LongText = 1,
    Number = 2,
    Date = 3,
    Dropdown = 4,
    [JsonStringEnumMemberName("multiSelect")] MultiSelect = 5,
    Checkbox = 6,
    Email = 7,
    File = 8,
}
