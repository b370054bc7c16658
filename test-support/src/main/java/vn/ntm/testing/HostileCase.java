package vn.ntm.testing;

import java.util.Map;

/** One hostile request, named after its endpoint and the variant. */
public record HostileCase(String endpoint, String variant, String method, String path, String contentType, byte[] body,
                   Map<String, String> headers, boolean mayBeAccepted) {

    public String name() {
        return endpoint + " · " + variant;
    }

    public JsonHttp.Response send(JsonHttp http) {
        JsonHttp client = http;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            client = client.with(header.getKey(), header.getValue());
        }
        return client.send(method, path, contentType, body);
    }

    @Override
    public String toString() {
        return name() + " (" + method + " " + abbreviate(path, 120) + ")";
    }

    static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }
}
