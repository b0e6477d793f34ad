<?php
// {{APP}} - output encoding helpers used by every template.
// Owner: {{PARTNER}} AppSec. Context matters: HTML body, attribute, URL and
// JavaScript values are encoded differently; customer rich text is purified.

declare(strict_types=1);

namespace {{CLASS}}\Security;

use HTMLPurifier;
use HTMLPurifier_Config;

final class OutputEncoder
{
    private static ?HTMLPurifier $purifier = null;

    public static function html(?string $value): string
    {
        return htmlspecialchars($value ?? '', ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8');
    }

    public static function attr(?string $value): string
    {
        return self::html($value);
    }

    public static function url(string $value): string
    {
        $scheme = strtolower((string) parse_url($value, PHP_URL_SCHEME));
        if ($scheme !== '' && !in_array($scheme, ['http', 'https', 'mailto'], true)) {
            return '#';
        }
        return self::html($value);
    }

    public static function js(mixed $value): string
    {
        return json_encode($value, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_THROW_ON_ERROR);
    }

    public static function richText(string $html): string
    {
        if (self::$purifier === null) {
            $config = HTMLPurifier_Config::createDefault();
            $config->set('HTML.Allowed', 'p,br,b,strong,i,em,ul,ol,li,code,pre,blockquote,a[href|title]');
            $config->set('URI.AllowedSchemes', ['http' => true, 'https' => true, 'mailto' => true]);
            $config->set('Cache.SerializerPath', sys_get_temp_dir());
            self::$purifier = new HTMLPurifier($config);
        }
        return self::$purifier->purify($html);
    }

    /** True when the purifier leaves the input unchanged. */
    public static function survivesSanitizer(string $input): bool
    {
        return self::richText($input) === $input;
    }

    {{VECTORS}}
}
