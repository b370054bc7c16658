package vn.ntm.identity.account;

/**
 * A system that gets tokens by client credentials ({@code demo/clients.json}): the operator's tools, or a commune's
 * own reporting system.
 */
public record MachineClient(String clientId, String secret, Grants grants) {
}
