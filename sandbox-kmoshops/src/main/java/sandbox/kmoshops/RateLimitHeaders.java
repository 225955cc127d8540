package sandbox.kmoshops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Contract §2: every response under {@code /api/v1} carries the {@code X-RateLimit-*} headers —
 * also a 401, a 404 for an unknown route, the token exchange, what Spring MVC answers by itself (an
 * {@code OPTIONS} request, say) and a 500 from an exception. Before anything else answers, this
 * filter sets them to {@link RateLimit#unattributed()}, the window of a request that belongs to no
 * shop. A call made with a shop's token then replaces them with that shop's window ({@link
 * ApiController}), so a response never carries two values of one header. (A request Tomcat rejects
 * before any filter runs, such as one with a malformed URL encoding, gets Tomcat's own 400.)
 */
@Component
class RateLimitHeaders extends OncePerRequestFilter {

  static final String PREFIX = "/api/v1/";

  private final RateLimit rateLimit;

  RateLimitHeaders(RateLimit rateLimit) {
    this.rateLimit = rateLimit;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith(PREFIX) || path.equals("/api/v1"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    rateLimit.unattributed().writeTo(response);
    chain.doFilter(request, response);
  }
}
