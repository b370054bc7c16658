package vn.ntm.identity.web;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.ntm.identity.account.DemoAccounts;
import vn.ntm.identity.account.DemoUser;
import vn.ntm.identity.config.IdentityProperties;

/**
 * The pages a person sees: the login form (Spring Security handles its POST, {@code ?error} after a failure,
 * {@code ?logout} after signing out) and, for whoever opens the provider directly, who is signed in.
 */
@Controller
class LoginController {

    private final DemoAccounts accounts;
    private final boolean showDemoAccounts;

    LoginController(DemoAccounts accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.showDemoAccounts = properties.showDemoAccounts();
    }

    @GetMapping("/login")
    String login(Model model) {
        List<DemoUser> demo = showDemoAccounts ? accounts.users() : List.of();
        model.addAttribute("demoAccounts", demo);
        model.addAttribute("demoPasswords", demo.stream().map(DemoUser::password).distinct().toList());
        return "login";
    }

    @GetMapping("/")
    String signedIn(Authentication authentication, Model model) {
        model.addAttribute("user", accounts.user(authentication.getName()).orElse(null));
        model.addAttribute("username", authentication.getName());
        return "signed-in";
    }
}
