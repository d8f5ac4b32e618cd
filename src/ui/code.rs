//! The code panel: the Go, editable, beside the Rust that runs. Once the Go
//! differs from the article's, Run interprets it instead of running the
//! Rust port; Revert brings both back. On the "Your Go" tab the panel is the
//! editor alone, with a menu of programs to start from.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::editor::Editor;
use super::state::PageState;
use super::views::CodeBlock;

#[derive(Properties, PartialEq)]
pub struct CodeProps {
    pub state: UseReducerHandle<PageState>,
    /// The latest event with a source position: its task and line.
    pub current: Option<(String, u32)>,
    pub on_edit: Callback<String>,
    pub on_revert: Callback<()>,
    /// Brings back the edits Revert or Start from replaced.
    pub on_undo_replace: Callback<()>,
    pub on_start_from: Callback<&'static str>,
    pub on_go121: Callback<Option<bool>>,
}

/// The Go editor, and the Rust port beside it on a pattern's tab.
#[component]
pub fn Code(props: &CodeProps) -> Html {
    let s = &props.state;
    let pattern = s.pattern;
    // Where the latest event is: a Go line when the Go ran, else a line of
    // the Rust port and the Go line paired with it.
    let (go_line, rust_line) = match &props.current {
        Some((_, line)) if s.ran_go => (line.checked_sub(1).map(|l| l as usize), None),
        Some((_, line)) if !s.your_go => {
            let rust = line
                .checked_sub(pattern.rust_source_first_line())
                .map(|l| l as usize);
            let go = rust
                .and_then(|l| pattern.go_line_for(l))
                .filter(|_| s.source.is_none());
            (go, rust)
        }
        _ => (None, None),
    };
    let focus = use_state(|| 0u32);
    let edit = {
        let focus = focus.clone();
        Callback::from(move |_: MouseEvent| focus.set(*focus + 1))
    };
    let revert = {
        let on = props.on_revert.clone();
        Callback::from(move |_: MouseEvent| on.emit(()))
    };
    let undo_replace = {
        let on = props.on_undo_replace.clone();
        Callback::from(move |_: MouseEvent| on.emit(()))
    };
    let start_from = {
        let on = props.on_start_from.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(starter) = crate::starters::by_id(&id) {
                on.emit(starter.id);
            }
        })
    };
    let go121 = {
        let on = props.on_go121.clone();
        Callback::from(move |e: Event| {
            on.emit(
                match e.target_unchecked_into::<HtmlSelectElement>().value().as_str() {
                    "1.21" => Some(true),
                    "1.22" => Some(false),
                    _ => None,
                },
            )
        })
    };
    let text: Rc<str> = Rc::from(s.editor_text());
    let chosen = crate::starters::all()
        .iter()
        .find(|st| st.source == &*text)
        .map(|st| st.id);
    let heading = if s.your_go {
        "Your program"
    } else if s.source.is_some() {
        "Go (your edit of the article's)"
    } else {
        "Go (the article's pattern)"
    };
    let errors_id = (!s.compile_errors.is_empty()).then(|| AttrValue::from("compile-errors"));
    let version = match s.go121 {
        Some(true) => "1.21",
        Some(false) => "1.22",
        None => "source",
    };
    html! {
        <section class={classes!("code", s.your_go.then_some("solo"))} aria-label="Code">
            <div>
                <div class="code-head">
                    <h3 id="go-code-heading">{ heading }</h3>
                    <div class="code-tools">
                        if s.your_go {
                            <label for="start-from">{ "Start from" }</label>
                            <select id="start-from" onchange={start_from}>
                                <option value="" selected={chosen.is_none()} disabled=true>{ "Choose a program…" }</option>
                                { for crate::starters::all().iter().map(|st| html! {
                                    <option value={st.id} selected={chosen == Some(st.id)}>{ st.title }</option>
                                }) }
                            </select>
                        } else {
                            <button type="button" onclick={edit}>{ "Edit" }</button>
                        }
                        <button type="button" onclick={revert} disabled={s.source.is_none()}
                            title={if s.your_go { "Back to the empty main" } else { "Back to the article's Go and the Rust port" }}>
                            { "Revert" }
                        </button>
                        <label for="go-version">{ "Go version" }</label>
                        <select id="go-version" onchange={go121} aria-describedby="go-version-help">
                            <option value="source" selected={version == "source"}>{ "as the source says" }</option>
                            <option value="1.22" selected={version == "1.22"}>{ "1.22: a loop variable per iteration" }</option>
                            <option value="1.21" selected={version == "1.21"}>{ "1.21: one shared loop variable" }</option>
                        </select>
                    </div>
                </div>
                if s.replaced.is_some() {
                    <p class="hint replaced">
                        { if s.your_go { "Your program was replaced. " } else { "Your edits were replaced. " } }
                        <button type="button" onclick={undo_replace}>{ "Undo" }</button>
                    </p>
                }
                if !s.compile_errors.is_empty() {
                    <div id="compile-errors" role="alert" class="alert">
                        <p>{ "Your Go does not compile:" }</p>
                        <ul>{ for s.compile_errors.iter().map(|e| html! { <li><code>{ e.to_string() }</code></li> }) }</ul>
                    </div>
                }
                <Editor {text} current={go_line} errors={s.compile_errors.clone()} {errors_id}
                    on_input={props.on_edit.clone()} focus={*focus} />
                <p class="hint" id="go-version-help">
                    { "Tab indents, Shift+Tab outdents; press Esc, then Tab, to move on. " }
                    { "“As the source says” is Go 1.22 unless the file has //go:build go1.21 or a go 1.21 line." }
                </p>
            </div>
            if !s.your_go {
                <div class={classes!(s.runs_go().then_some("idle"))}>
                    <h3 id="rust-code-heading">{ "Rust (the code that runs here)" }</h3>
                    if s.runs_go() {
                        <p class="hint">{ "Run interprets your Go now, not this Rust port. Revert to run the port again." }</p>
                    } else if let Some((task, _)) = &props.current {
                        <p class="hint">{ format!("Highlighted: where {task} is, as of the latest event, and the Go that does the same.") }</p>
                    }
                    <CodeBlock source={pattern.rust_source()} highlight={rust_line} labelledby="rust-code-heading" />
                </div>
            }
        </section>
    }
}
