package vn.ntm.support.security;

import java.util.List;

/**
 * What a service serves beyond its API, declared as a bean: paths anyone may read without a token (a dashboard's
 * static files), and paths where the token may come as {@code ?access_token=} because browsers' {@code EventSource}
 * cannot send headers (a live feed). Tokens in URLs can end up in logs, so keep that list to the feed.
 */
public record OpenPaths(List<String> withoutToken, List<String> tokenInQuery) {

    public OpenPaths {
        withoutToken = List.copyOf(withoutToken);
        tokenInQuery = List.copyOf(tokenInQuery);
    }
}
