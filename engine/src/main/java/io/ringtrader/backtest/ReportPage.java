package io.ringtrader.backtest;

import io.ringtrader.dashboard.StaticResources;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One self-contained HTML page of the research outputs ({@code report.html}, {@code optimize.html}): the shared
 * shell from {@code io/ringtrader/dashboard/} with the page's body, the shared style sheet, Apache ECharts from its
 * WebJar, the page's data as JSON and its script (after the shared helpers) inlined, so it opens offline. The data
 * goes in last, so nothing in it is taken for a placeholder. Stateless.
 */
final class ReportPage {
    private static final String DIR = "io/ringtrader/dashboard/";

    private ReportPage() {
    }

    /**
     * The page titled {@code title} with the HTML fragment {@code body} drawing {@code dataJson} with
     * {@code script} (file names in the folder); the shared shell holds the rest.
     */
    static byte[] render(String title, String body, String script, String dataJson) {
        final String page = text(DIR + "report-page.html")
            .replace("/*TITLE*/", title)
            .replace("/*BODY*/\n", text(DIR + body))
            .replace("/*REPORT_CSS*/", text(DIR + "report.css"))
            .replace("/*REPORT_JS*/", text(DIR + "report-common.js") + text(DIR + script))
            .replace("/*ECHARTS*/", library())
            .replace("/*REPORT_DATA*/", dataJson.replace("</", "<\\/"));
        return page.getBytes(StandardCharsets.UTF_8);
    }

    /** The charting library's code, which must not hold a closing script tag (it is inlined in one). */
    private static String library() {
        final String code = text(StaticResources.ECHARTS);
        if (code.toLowerCase(Locale.ROOT).contains("</script")) {
            throw new IllegalStateException(StaticResources.ECHARTS + " cannot be inlined: it holds </script");
        }
        return code;
    }

    private static String text(String resource) {
        return new String(StaticResources.read(resource), StandardCharsets.UTF_8);
    }
}
