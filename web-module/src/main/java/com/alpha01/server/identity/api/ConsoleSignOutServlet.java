package com.alpha01.server.identity.api;

import com.alpha01.server.platform.config.ServerConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /console/sign-out}: ends the console's browser session here and answers where to end it at
 * Keycloak ({@code {"to": "<end-session URL>"}}, back to the console afterwards). Only the console's own
 * script may ask (the header another site's page cannot add), never a link or a form.
 */
@WebServlet(urlPatterns = "/console/sign-out")
public class ConsoleSignOutServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String back = ServerConfig.publicUrl().map(u -> u.replaceAll("/$", ""))
                .orElse(request.getScheme() + "://" + request.getHeader("Host")) + "/console/";
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String to = ServerConfig.oidcIssuer() + "/protocol/openid-connect/logout?client_id=customer-web"
                + "&post_logout_redirect_uri=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.getWriter().write("{\"to\":\"" + to.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
