//! Component tests in the browser: mount the app, let Yew's scheduler flush,
//! act through the DOM, and assert on what it shows.

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use csp_playground::rt::live_runs;
use csp_playground::ui::App;

/// Mounts the app in a fresh element and waits for the first render. The
/// app keeps its state in the URL, so each test starts from a bare one.
async fn mount() -> Element {
    mount_at("").await
}

thread_local! {
    /// The app the running test mounted, and its root element.
    static MOUNTED: std::cell::RefCell<Option<(yew::AppHandle<App>, Element)>> =
        const { std::cell::RefCell::new(None) };
}

/// Mounts the app with `query` in the address bar. The previous test's app
/// is destroyed first: left mounted, its timers (such as the address bar's
/// catch-up after an edit) would fire into the next test's URL.
async fn mount_at(query: &str) -> Element {
    if let Some((app, root)) = MOUNTED.with(|m| m.borrow_mut().take()) {
        app.destroy();
        root.remove();
    }
    let window = web_sys::window().unwrap();
    let url = format!("{}{query}", window.location().pathname().unwrap());
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .unwrap();
    let document = window.document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    MOUNTED.with(|m| *m.borrow_mut() = Some((app, root.clone())));
    settle().await;
    root
}

/// Lets Yew's scheduler run the renders that are due.
async fn settle() {
    TimeoutFuture::new(0).await;
    TimeoutFuture::new(0).await;
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

fn button(root: &Element, text: &str) -> HtmlElement {
    all(root, "button")
        .into_iter()
        .find(|b| b.text_content().as_deref().map(str::trim) == Some(text))
        .unwrap_or_else(|| panic!("no button {text:?}"))
        .dyn_into()
        .unwrap()
}

fn status(root: &Element) -> String {
    root.query_selector("[role=status]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
}

async fn click(root: &Element, text: &str) {
    button(root, text).click();
    settle().await;
}

#[wasm_bindgen_test]
async fn the_app_shows_every_pattern_and_is_ready() {
    let root = mount().await;
    let tabs: Vec<String> = all(&root, "[role=tab]")
        .iter()
        .filter_map(|t| t.text_content())
        .collect();
    assert_eq!(
        tabs,
        [
            "Spawn and wait",
            "WaitGroup",
            "Dynamic words",
            "Deadline",
            "Token cache",
            "Token future",
            "Pipeline",
            "Your Go"
        ]
    );
    assert_eq!(status(&root), "Ready");
    assert!(root
        .query_selector("figure[aria-label=Timeline] svg")
        .unwrap()
        .is_some());
    assert!(root
        .query_selector("[role=log][aria-label='Event log']")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn stepping_deadline_reaches_the_deadline_and_fills_the_ledger() {
    let root = mount().await;
    click(&root, "Deadline").await;
    click(&root, "Step").await;
    assert!(status(&root).starts_with("Paused at 0 ms"), "{}", status(&root));
    for _ in 0..300 {
        if status(&root).starts_with("Finished") {
            break;
        }
        click(&root, "Step").await;
    }
    assert_eq!(status(&root), "Finished at 1000 ms");
    let ledger = root
        .query_selector("[aria-label=Deadline]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(ledger.contains("cancelled at 1000 ms"), "{ledger}");
    let outputs = all(&root, "ol[aria-label='Output order'] li");
    assert_eq!(outputs.len(), 5);
}

#[wasm_bindgen_test]
async fn an_invalid_field_is_marked_and_disables_run() {
    let root = mount().await;
    let input: HtmlInputElement = root
        .query_selector("#param-delay_ms")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value("-5");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let error = root
        .query_selector(".field.invalid .error")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(error.contains("is not a whole number from 0 to 60000"), "{error}");
    assert!(button(&root, "Run").has_attribute("disabled"));
    input.set_value("5");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    assert!(!button(&root, "Run").has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn switching_pattern_or_reset_drops_the_run() {
    let root = mount().await;
    // Destroying an app drops its runs in a later task; count this one's.
    let before = live_runs();
    click(&root, "Step").await;
    assert!(status(&root).starts_with("Paused"));
    assert_eq!(live_runs(), before + 1);
    click(&root, "Reset").await;
    assert_eq!(status(&root), "Ready");
    assert_eq!(all(&root, "[role=log] .ev").len(), 0);
    assert_eq!(live_runs(), before, "Reset left the run's tasks or timers alive");
    click(&root, "Token cache").await;
    click(&root, "Run").await;
    TimeoutFuture::new(50).await;
    assert_eq!(live_runs(), before + 1);
    click(&root, "Pipeline").await;
    assert_eq!(status(&root), "Ready");
    assert_eq!(all(&root, "[role=log] .ev").len(), 0);
    TimeoutFuture::new(10).await;
    assert_eq!(live_runs(), before, "switching pattern left the run alive");
}

#[wasm_bindgen_test]
async fn the_app_starts_from_the_url_and_keeps_it_current() {
    let root = mount_at("?pattern=deadline&seed=5&deadline_ms=0").await;
    let window = web_sys::window().unwrap();
    let selected = root
        .query_selector("[role=tab][aria-selected=true]")
        .unwrap()
        .unwrap();
    assert_eq!(selected.text_content().as_deref(), Some("Deadline"));
    let alert = root
        .query_selector("[role=alert]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        alert.contains("deadline_ms: \"0\" is not a whole number from 1 to 60000"),
        "{alert}"
    );
    let search = window.location().search().unwrap();
    assert!(
        search.contains("pattern=deadline") && search.contains("seed=5"),
        "{search}"
    );
    assert!(
        !search.contains("deadline_ms"),
        "the bad value stays out of the URL: {search}"
    );
}

#[wasm_bindgen_test]
async fn the_real_clock_disables_pause_and_step_and_says_why() {
    let root = mount().await;
    let real: HtmlInputElement = all(&root, "input[type=radio]")[1].clone().dyn_into().unwrap();
    real.click();
    settle().await;
    assert!(button(&root, "Pause").has_attribute("disabled"));
    assert!(button(&root, "Step").has_attribute("disabled"));
    let why = root
        .query_selector("#real-clock-why")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(why.contains("cannot be paused"), "{why}");
}

#[wasm_bindgen_test]
async fn token_cache_views_show_the_refresher_channels_and_code() {
    let root = mount().await;
    click(&root, "Token cache").await;
    let text = |sel: &str| {
        root.query_selector(sel)
            .unwrap()
            .map(|e| e.text_content().unwrap_or_default())
            .unwrap_or_default()
    };
    for _ in 0..400 {
        if text("[aria-label=Refresher]").contains("refresh count 1") {
            break;
        }
        click(&root, "Step").await;
    }
    let refresher = text("[aria-label=Refresher]");
    assert!(
        refresher.contains("fresh") && refresher.contains("tok-1"),
        "{refresher}"
    );
    let channels = text("#chan-heading");
    assert_eq!(channels, "Channels");
    let chans = text("ul.chans");
    assert!(chans.contains("done") && chans.contains("errc"), "{chans}");
    assert_eq!(all(&root, ".code .hl").len(), 2, "Rust and Go lines highlighted");
    // The callers waiting on the lock get tok-1 right after the refresh.
    for _ in 0..50 {
        if !all(&root, "ol[aria-label='Output order'] li").is_empty() {
            break;
        }
        click(&root, "Step").await;
    }
    let first = text("ol[aria-label='Output order'] li");
    assert!(first.contains("200 ms") && first.contains("tok-1"), "{first}");
}

/// The seeds done so far in "N distinct orders over D seeds".
fn seeds_done(progress: &str) -> u64 {
    progress
        .split(" over ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|d| d.parse().ok())
        .unwrap_or_else(|| panic!("no seed count in {progress:?}"))
}

#[wasm_bindgen_test]
async fn a_second_explore_click_replaces_the_first() {
    let root = mount().await;
    click(&root, "Dynamic words").await;
    let card = root
        .query_selector("#orders-heading")
        .unwrap()
        .unwrap()
        .parent_element()
        .unwrap();
    // Record the progress line at every render: a MutationObserver's
    // callback runs after each render, before the next chunk's macrotask.
    let record = js_sys::Function::new_with_args(
        "el",
        "const seen = [];
         new MutationObserver(() => {
           const p = el.querySelector('p[aria-live]');
           if (p) seen.push(p.textContent);
         }).observe(el, { subtree: true, childList: true, characterData: true });
         return seen;",
    );
    let seen: js_sys::Array = record
        .call1(&wasm_bindgen::JsValue::NULL, &card)
        .unwrap()
        .unchecked_into();
    let values = || -> Vec<u64> { seen.iter().map(|v| seeds_done(&v.as_string().unwrap())).collect() };
    button(&root, "Explore 200 seeds").click();
    // One chunk per macrotask: let the first computation get well ahead (so
    // a second one running beside it would show as counts going back), but
    // not to the end.
    for _ in 0..100 {
        if values().last().is_some_and(|&done| done >= 50) {
            break;
        }
        csp_playground::web::yield_to_browser().await;
    }
    let first = values();
    assert!(
        first.last().is_some_and(|&done| (50..200).contains(&done)),
        "{first:?}"
    );
    button(&root, "Explore 200 seeds").click();
    for _ in 0..2000 {
        if values().last() == Some(&200) {
            break;
        }
        settle().await;
    }
    // A little longer, so a computation left running would show itself.
    for _ in 0..5 {
        csp_playground::web::yield_to_browser().await;
    }
    let second = values()[first.len()..].to_vec();
    assert_eq!(
        second.first(),
        Some(&10),
        "the second click starts afresh: {second:?}"
    );
    assert!(
        second.windows(2).all(|w| w[0] < w[1]),
        "only one computation updates the count: {second:?}"
    );
    assert_eq!(second.last(), Some(&200), "{second:?}");
}

#[wasm_bindgen_test]
fn a_panic_report_shows_an_alert_with_a_working_reload() {
    // What the panic hook does; the page has no way to panic on purpose.
    csp_playground::web::report_panic("boom at src/somewhere.rs:1:2");
    let document = web_sys::window().unwrap().document().unwrap();
    let panel = document.query_selector(".fatal[role=alert]").unwrap().unwrap();
    let text = panel.text_content().unwrap();
    assert!(
        text.starts_with("Something went wrong")
            && text.contains("because of a bug: boom at src/somewhere.rs:1:2. Reloading starts it again."),
        "{text}"
    );
    let reload = panel.query_selector("button").unwrap().unwrap();
    assert_eq!(reload.text_content().as_deref(), Some("Reload"));
    // An inline handler: it still works once the wasm module has aborted.
    assert_eq!(
        reload.get_attribute("onclick").as_deref(),
        Some("location.reload()")
    );
    assert!(
        document.active_element().is_some_and(|e| e == reload),
        "Reload has the focus"
    );
    assert_eq!(
        document.body().unwrap().first_element_child().as_ref(),
        Some(&panel),
        "the alert comes first, above everything else"
    );
    panel.remove();
}

/// The Go editor's textarea.
fn editor(root: &Element) -> web_sys::HtmlTextAreaElement {
    root.query_selector("textarea[aria-label='Go source']")
        .unwrap()
        .expect("the Go source textbox")
        .dyn_into()
        .unwrap()
}

/// Types `text` into the editor as one input event, as a paste does.
async fn type_go(root: &Element, text: &str) {
    let area = editor(root);
    area.set_value(text);
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    area.dispatch_event(&event).unwrap();
    settle().await;
}

/// Steps a paused run until its status says it ended.
async fn step_to_end(root: &Element) {
    click(root, "Step").await;
    for _ in 0..500 {
        if status(root).starts_with("Finished") || status(root).starts_with("Error") {
            return;
        }
        click(root, "Step").await;
    }
    panic!("did not end: {}", status(root));
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default().trim().to_string())
        .collect()
}

#[wasm_bindgen_test]
async fn edited_go_runs_in_the_interpreter_and_revert_brings_the_port_back() {
    let root = mount_at("?pattern=spawn-wait&seed=1").await;
    let original = editor(&root).value();
    assert!(
        original.contains("delay := 1000 * time.Millisecond"),
        "{original}"
    );
    assert!(button(&root, "Revert").has_attribute("disabled"));
    type_go(&root, &original.replace("done after", "back after")).await;
    assert!(!button(&root, "Revert").has_attribute("disabled"));
    assert_eq!(
        texts(&root, "#go-code-heading"),
        ["Go (your edit of the article's)"]
    );
    step_to_end(&root).await;
    assert_eq!(status(&root), "Finished at 1000 ms");
    let outputs = texts(&root, "ol[aria-label='Output order'] li code");
    assert_eq!(outputs, ["back after 1000 ms"]);
    // The line of the latest event is marked in the Go itself.
    assert_eq!(texts(&root, ".editor .ln.hl").len(), 1);
    click(&root, "Revert").await;
    assert_eq!(editor(&root).value(), original);
    assert_eq!(status(&root), "Ready");
    step_to_end(&root).await;
    assert_eq!(
        texts(&root, "ol[aria-label='Output order'] li code"),
        ["done after 1000 ms"]
    );
}

#[wasm_bindgen_test]
async fn a_compile_error_is_an_alert_and_marks_its_line() {
    let root = mount_at("?pattern=spawn-wait").await;
    let original = editor(&root).value();
    type_go(
        &root,
        &original.replace("res := make(chan string)", "res := make(chan string"),
    )
    .await;
    click(&root, "Run").await;
    assert!(status(&root).starts_with("Error: 11:"), "{}", status(&root));
    let alert = texts(&root, "[role=alert] li");
    assert_eq!(alert.len(), 1);
    assert!(alert[0].starts_with("11:"), "{alert:?}");
    assert_eq!(texts(&root, ".editor .gutter .err"), ["11"]);
    assert_eq!(
        editor(&root).get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn your_go_starts_from_a_program_and_reports_a_deadlock() {
    let root = mount_at("?pattern=your-go").await;
    assert_eq!(texts(&root, "[role=tab][aria-selected=true]"), ["Your Go"]);
    assert_eq!(editor(&root).value(), csp_playground::starters::BLANK);
    let select: web_sys::HtmlSelectElement = root
        .query_selector("#start-from")
        .unwrap()
        .expect("the Start from list")
        .dyn_into()
        .unwrap();
    select.set_value("deadlock");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    let starter = csp_playground::starters::by_id("deadlock").unwrap();
    assert_eq!(editor(&root).value(), starter.source);
    step_to_end(&root).await;
    assert!(
        status(&root).starts_with("Error: fatal error: all goroutines are asleep - deadlock!"),
        "{}",
        status(&root)
    );
    let alerts = texts(&root, "[role=alert]");
    assert!(alerts.iter().any(|a| a.contains("[chan")), "{alerts:?}");
}

#[wasm_bindgen_test]
async fn a_value_typed_into_the_go_disables_its_field_and_runs() {
    let root = mount_at("?pattern=spawn-wait&seed=1").await;
    let original = editor(&root).value();
    type_go(&root, &original.replace("delay := 1000", "delay := 30")).await;
    let field: HtmlInputElement = root
        .query_selector("#param-delay_ms")
        .unwrap()
        .expect("the delay field")
        .dyn_into()
        .unwrap();
    assert!(field.disabled());
    let reason = texts(&root, "#param-delay_ms-unread");
    assert_eq!(
        reason,
        ["Not used: your Go sets this value itself. Revert to use the field."]
    );
    step_to_end(&root).await;
    assert_eq!(status(&root), "Finished at 30 ms");
    assert_eq!(
        texts(&root, "ol[aria-label='Output order'] li code"),
        ["done after 30 ms"]
    );
}

#[wasm_bindgen_test]
async fn a_pasted_program_is_coloured_as_text_and_never_as_markup() {
    let root = mount_at("?pattern=your-go").await;
    // Over 2 KB, so it takes the large-paste path, which colours in a task
    // of its own.
    let body: String = (0..60)
        .map(|i| format!("\tif x := {i}; x < 1 && x > 2 {{ fmt.Println(\"<b>&amp;</b>\") }}\n"))
        .collect();
    let source = format!("package main\n\nimport \"fmt\"\n\nfunc main() {{\n{body}}}\n");
    assert!(source.len() > 2048);
    type_go(&root, &source).await;
    let want = source.lines().count() + 1;
    for _ in 0..100 {
        if all(&root, ".editor pre .ln").len() == want {
            break;
        }
        TimeoutFuture::new(10).await;
    }
    let lines = all(&root, ".editor pre .ln");
    assert_eq!(lines.len(), want);
    let pre = root
        .query_selector(".editor pre")
        .unwrap()
        .expect("the coloured copy");
    assert_eq!(pre.text_content().unwrap_or_default(), format!("{source}\n"));
    assert!(all(&root, ".editor pre b").is_empty());
    // The import path and the sixty printed strings.
    assert_eq!(texts(&root, ".editor pre .ts").len(), 61);
    assert_eq!(all(&root, ".editor .gutter span").len(), lines.len());
}

#[wasm_bindgen_test]
async fn many_goroutines_and_channels_are_listed_up_to_a_bound_and_counted() {
    let root = mount_at("?pattern=your-go&speed=100").await;
    // Main returns with every goroutine still blocked on its channel.
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tchans := []chan int{}\n\tfor i := 0; i < 260; i++ {\n\t\tc := make(chan int)\n\t\tchans = append(chans, c)\n\t\tgo func() { <-c }()\n\t}\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(len(chans))\n}\n";
    type_go(&root, source).await;
    click(&root, "Run").await;
    for _ in 0..500 {
        if status(&root).starts_with("Finished") {
            break;
        }
        TimeoutFuture::new(10).await;
    }
    assert!(status(&root).starts_with("Finished"), "{}", status(&root));
    // At the end every channel is dropped (one folded line); back at 0 ms
    // all 260 are live, each with a goroutine blocked on it.
    assert_eq!(
        texts(&root, "ul.chans > li"),
        ["260 channels like c: drained and dropped"]
    );
    let playhead: web_sys::HtmlInputElement = root
        .query_selector("#playhead")
        .unwrap()
        .expect("the Playhead")
        .dyn_into()
        .unwrap();
    playhead.set_value("0");
    playhead
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    // The Channels panel lists 50 of the 260 and counts the rest.
    assert_eq!(all(&root, "ul.chans > li:not(.muted)").len(), 50);
    assert!(texts(&root, "ul.chans > li.muted").contains(&"And 210 more channels.".to_string()));
    // The goroutine filter offers all, then 200 goroutines, then a count
    // of the other 61 (main and 260 started).
    let options = texts(&root, "select[aria-label='Goroutine'] option");
    assert_eq!(options.len(), 202, "{options:?}");
    assert_eq!(options[0], "All goroutines");
    assert_eq!(options[201], "and 61 more goroutines");
}

#[wasm_bindgen_test]
async fn a_following_event_log_draws_its_newest_rows_while_the_run_plays() {
    // Slow enough for several frames past 1,000 rows on a busy machine: the
    // driver renders once a frame, after the last render was drawn.
    let root = mount_at("?pattern=token-cache&callers=20&call_every_ms=10&run_ms=3000&speed=5").await;
    click(&root, "Run").await;
    let mut checked = 0;
    for _ in 0..2000 {
        TimeoutFuture::new(5).await;
        if !status(&root).starts_with("Running") {
            break;
        }
        // In view: a log off screen is held while the run plays (and shows
        // its rows and their count as of one render either way).
        if let Some(log) = all(&root, "[role=log]").first() {
            log.scroll_into_view();
        }
        let count: Option<usize> = texts(&root, "span.muted")
            .into_iter()
            .find(|t| t.ends_with("rows; click one to move the playhead there"))
            .and_then(|t| t.split(' ').next().and_then(|n| n.parse().ok()));
        let Some(total) = count.filter(|&n| n > 1000) else {
            continue;
        };
        // The list is virtual now: its rows sit at `top: index * 18px`.
        // Following, the newest row is drawn whatever the last scroll
        // position was.
        let rows = all(&root, "[role=log] .ev");
        let last_top = rows.last().and_then(|r| r.get_attribute("style"));
        assert_eq!(
            last_top,
            Some(format!("top:{}px", (total - 1) * 18)),
            "{total} rows"
        );
        checked += 1;
    }
    assert!(checked >= 3, "checked {checked} frames of a running virtual log");
}
