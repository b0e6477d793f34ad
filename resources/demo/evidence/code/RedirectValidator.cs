// {{APP}} - post-login and "return to" redirects go only to our own origins.
// Owner: {{PARTNER}} AppSec.
using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace {{CLASS}}.Web.Security;

public static class RedirectValidator
{
    private static readonly HashSet<string> TrustedHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "{{SLUG}}.example.com",
        "admin.{{SLUG}}.example.com",
        "help.{{SLUG}}.example.com",
    };

    /// <summary>True for a local path ("/settings") or an https URL on a trusted host.</summary>
    public static bool IsTrustedRedirect(string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
            return false;
        // Browsers treat "//evil.example" and "/\evil.example" as protocol-relative.
        if (target.StartsWith('/'))
            return target.Length == 1 || (target[1] != '/' && target[1] != '\\');
        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri))
            return false;
        return uri.Scheme == Uri.UriSchemeHttps
            && uri.IsDefaultPort
            && string.IsNullOrEmpty(uri.UserInfo)
            && TrustedHosts.Contains(uri.IdnHost);
    }

    public static IActionResult SafeRedirect(this ControllerBase controller, string? returnUrl, ILogger logger)
    {
        if (IsTrustedRedirect(returnUrl))
            return controller.Redirect(returnUrl!);
        logger.LogWarning("Blocked redirect to {Target} for {Path}", returnUrl, controller.HttpContext.Request.Path);
        return controller.LocalRedirect("/");
    }

    {{VECTORS}}
}
