package koppel.web.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The Installation tab (placeholder until the wizard is built). */
@Controller
class InstallationController {

  @GetMapping("/dashboard/installation")
  String installation() {
    return "dashboard/installation";
  }
}
