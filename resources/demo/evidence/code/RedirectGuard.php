<?php
// {{APP}} - only redirect to our own origins after login, logout and OAuth.
// Owner: {{PARTNER}} AppSec.

declare(strict_types=1);

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Log;
use Symfony\Component\HttpFoundation\Response;

final class RedirectGuard
{
    private const TRUSTED_HOSTS = [
        '{{SLUG}}.example.com',
        'admin.{{SLUG}}.example.com',
        'help.{{SLUG}}.example.com',
    ];

    private const PARAMETERS = ['next', 'return_to', 'redirect', 'redirect_uri', 'continue'];

    public function handle(Request $request, Closure $next): Response
    {
        foreach (self::PARAMETERS as $name) {
            $target = $request->query($name);
            if ($target !== null && !self::isTrustedRedirect((string) $target)) {
                Log::warning('redirect.blocked', ['param' => $name, 'target' => $target, 'ip' => $request->ip()]);
                $request->query->remove($name);
            }
        }
        $response = $next($request);
        $location = (string) $response->headers->get('Location');
        if ($response->isRedirection() && !self::isTrustedRedirect($location)) {
            Log::error('redirect.blocked_response', ['location' => $location]);
            return redirect('/');
        }
        return $response;
    }

    public static function isTrustedRedirect(string $target): bool
    {
        if ($target === '') {
            return false;
        }
        if ($target[0] === '/') {
            // Protocol-relative ("//host") and backslash ("/\host") forms leave the site.
            return strlen($target) === 1 || ($target[1] !== '/' && $target[1] !== '\\');
        }
        $parts = parse_url($target);
        if ($parts === false || ($parts['scheme'] ?? '') !== 'https' || isset($parts['user']) || isset($parts['port'])) {
            return false;
        }
        return in_array(strtolower($parts['host'] ?? ''), self::TRUSTED_HOSTS, true);
    }

    {{VECTORS}}
}
