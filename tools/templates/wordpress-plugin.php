<?php
/**
 * Plugin Name: Explorable articles of {SITE}
 * Description: An address of an explorable article of {SITE} that an author pastes into a post shows the whole article, sized to its content, instead of WordPress's sandboxed frame of at most 1000 px. Written by the newsroom's build for this one site.
 * Version: 1
 * Requires at least: 4.4
 */

defined('ABSPATH') || exit;

/** The site whose articles are shown at full height (no other address is changed). */
const XA_SITE = {SITE_PHP};

/*
 * WordPress embeds an article it discovered as a sandboxed frame, capped at 1000 px by its
 * wp-embed.js. For this site's addresses the post gets the article's own snippet instead: its
 * link, then the site's embed.js, which frames the article beside the link and gives the frame
 * the article's exact height. The title and the height reserved until the article reports its own
 * are those of WordPress's frame, from the article's oEmbed.
 */
add_filter('embed_oembed_html', function ($html, $url) {
    if (!is_string($url) || strpos($url, XA_SITE) !== 0) {
        return $html;
    }
    $title = preg_match('/<iframe\b[^>]*\btitle="([^"]*)"/', $html, $m) ? html_entity_decode($m[1], ENT_QUOTES, 'UTF-8') : $url;
    $height = preg_match('/<iframe\b[^>]*\bheight="(\d{1,6})"/', $html, $m) ? $m[1] : '';
    return sprintf(
        '<div data-xa-src="%1$s" data-xa-title="%2$s" data-xa-height="%3$s"><a href="%1$s">%4$s</a></div><script src="%5$s" async></script>',
        esc_url($url),
        esc_attr($title),
        esc_attr($height),
        esc_html($title),
        esc_url(XA_SITE . 'embed.js')
    );
}, 10, 2);
