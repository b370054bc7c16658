package vn.ntm.identity.account;

/**
 * A person who signs in on the login page ({@code demo/users.json}).
 *
 * @param password in clear in the file, so the README and the login page can name it; hashed in memory
 */
public record DemoUser(String username, String password, Grants grants) {
}
