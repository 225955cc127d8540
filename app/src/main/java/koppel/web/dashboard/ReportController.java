package koppel.web.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The Report tab (placeholder until the tab is built). */
@Controller
class ReportController {

  @GetMapping("/dashboard/report")
  String report() {
    return "dashboard/report";
  }
}
