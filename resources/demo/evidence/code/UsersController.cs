// {{APP}} - account API (ASP.NET Core). Requests bind to dedicated input
// records, never to the EF entity, so columns such as Role or TenantId cannot
// be set by a caller. Unknown JSON properties are rejected (see Program.cs).
// Owner: {{PARTNER}} AppSec.
using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace {{CLASS}}.Api.Controllers;

public sealed record UpdateUserRequest(
    [property: StringLength(120)] string? Name,
    [property: StringLength(60)] string? DisplayName,
    [property: RegularExpression("^[a-z]{2}(-[A-Z]{2})?$")] string? Locale,
    string? TimeZone,
    [property: Url] string? AvatarUrl,
    [property: Phone] string? Phone,
    [property: EmailAddress] string? NotificationEmail);

[ApiController]
[Authorize]
[Route("api/v2/users")]
public sealed class UsersController : ControllerBase
{
    private static readonly HashSet<string> Permitted = typeof(UpdateUserRequest)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => ToSnakeCase(p.Name))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private readonly AppDbContext _db;
    private readonly ICurrentTenant _tenant;

    public UsersController(AppDbContext db, ICurrentTenant tenant) => (_db, _tenant) = (db, tenant);

    public static bool IsPermitted(string parameter) => Permitted.Contains(parameter);

    [HttpPatch("{id:guid}")]
    public async Task<IActionResult> Update(Guid id, [FromBody] UpdateUserRequest input)
    {
        var user = await _db.Users.SingleOrDefaultAsync(u => u.Id == id && u.TenantId == _tenant.Id);
        if (user is null)
            return NotFound();
        // Field by field: the entity's Role, TenantId and IsAdmin are unreachable from here.
        user.Name = input.Name ?? user.Name;
        user.DisplayName = input.DisplayName ?? user.DisplayName;
        user.Locale = input.Locale ?? user.Locale;
        user.TimeZone = input.TimeZone ?? user.TimeZone;
        user.AvatarUrl = input.AvatarUrl ?? user.AvatarUrl;
        user.Phone = input.Phone ?? user.Phone;
        user.NotificationEmail = input.NotificationEmail ?? user.NotificationEmail;
        await _db.SaveChangesAsync();
        return Ok(UserDto.From(user));
    }

    private static string ToSnakeCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    // Program.cs: builder.Services.AddControllers().AddJsonOptions(o =>
    //     o.JsonSerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);

    {{VECTORS}}
}
