//! The run controls and the parameter fields.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::state::{parse_seed, parse_speed, ClockKind, PageState, RunStatus};
use crate::patterns::Check;

/// Shows `value` in the number field `field` when the value changes from
/// elsewhere (a link, New seed), and never rewrites what the reader is
/// typing. A controlled input's value is written back on every render:
/// while "0" (out of range) was typed on the way to "0.5", the field
/// snapped back to the last good value, and the reader got "1.5".
#[hook]
fn use_number_field<T: ToString + PartialEq + 'static>(
    field: NodeRef,
    value: T,
    parse: fn(&str) -> Result<T, String>,
) {
    use_effect_with(value.to_string(), move |shown| {
        if let Some(input) = field.cast::<HtmlInputElement>() {
            // Only if the field does not already say it (in its own words:
            // "1.50" stays "1.50").
            if parse(&input.value()).ok() != Some(value) {
                input.set_value(shown);
            }
        }
    });
}

/// What the controls ask the page to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Run,
    Pause,
    Step,
    Reset,
    NewSeed,
}

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub state: UseReducerHandle<PageState>,
    pub on_command: Callback<Command>,
    pub on_seed: Callback<String>,
    pub on_speed: Callback<String>,
    pub on_clock: Callback<ClockKind>,
}

/// Run, Pause, Step, Reset; Speed, Seed, Clock; and the status line.
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let s = &props.state;
    let real = s.clock == ClockKind::Real;
    let running = s.status == RunStatus::Running;
    let finished = matches!(s.status, RunStatus::Finished(_) | RunStatus::Error(_));
    let command = |c: Command| {
        let on = props.on_command.clone();
        Callback::from(move |_: MouseEvent| on.emit(c))
    };
    let on_seed = {
        let on = props.on_seed.clone();
        Callback::from(move |e: InputEvent| on.emit(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_speed = {
        let on = props.on_speed.clone();
        Callback::from(move |e: InputEvent| on.emit(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let (speed_field, seed_field) = (use_node_ref(), use_node_ref());
    use_number_field(speed_field.clone(), s.speed, parse_speed);
    use_number_field(seed_field.clone(), s.seed, parse_seed);
    let clock = |k: ClockKind| {
        let on = props.on_clock.clone();
        Callback::from(move |_: Event| on.emit(k))
    };
    // Run and Pause disable each other: the one a keyboard reader pressed
    // lost the focus to the page's body, and they had to Tab back in. Right
    // after the render that disables it, it still has the focus (the
    // browser moves it off later): it goes to the other instead.
    let (run_button, pause_button) = (use_node_ref(), use_node_ref());
    {
        let (run_button, pause_button) = (run_button.clone(), pause_button.clone());
        use_effect_with(running, move |&running| {
            let (from, to) = if running {
                (run_button, pause_button)
            } else {
                (pause_button, run_button)
            };
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            if let (Some(active), Some(from), Some(to)) =
                (active, from.get(), to.cast::<web_sys::HtmlElement>())
            {
                if web_sys::Node::from(active) == from && !to.has_attribute("disabled") {
                    let _ = to.focus();
                }
            }
        });
    }
    html! {
        <section class="controls" aria-label="Run controls">
            <div class="buttons">
                <button type="button" class="primary" onclick={command(Command::Run)}
                    ref={run_button}
                    disabled={running || s.has_errors()}
                    title={if s.has_errors() { "Fix the fields marked in red first" } else { "Run (Space)" }}>
                    { "Run" }
                </button>
                <button type="button" onclick={command(Command::Pause)} disabled={!running || real}
                    ref={pause_button}
                    aria-describedby={real.then_some("real-clock-why")}>{ "Pause" }</button>
                <button type="button" onclick={command(Command::Step)} disabled={real || (finished && s.playhead.is_none()) || s.has_errors()}
                    aria-describedby={real.then_some("real-clock-why")} title="Step (→)">{ "Step" }</button>
                <button type="button" onclick={command(Command::Reset)}>{ "Reset" }</button>
            </div>
            if real {
                <p id="real-clock-why" class="hint">
                    { "On the real clock, time is the browser's: it cannot be paused or stepped. Switch to Virtual to step." }
                </p>
            }
            <p role="status" class="status">{ status_text(s) }</p>
            <div class="row">
                <label class="inline">{ "Speed" }
                    <input type="number" aria-label="Speed" min="0.1" max="100" step="0.1"
                        ref={speed_field} oninput={on_speed} disabled={real}
                        aria-invalid={s.speed_error.is_some().to_string()}
                        aria-describedby={s.speed_error.is_some().then_some("speed-error")} />
                    <span class="unit">{ "× virtual time" }</span>
                </label>
                // Always there, so that a screen reader announces the message
                // when it appears (a live region added with its text is often
                // not), and linked to the field while there is one.
                <span id="speed-error" class="error" aria-live="polite">
                    { s.speed_error.as_ref().map(|e| format!("Speed: {e}")).unwrap_or_default() }
                </span>
            </div>
            <div class="row">
                <label class="inline">{ "Seed" }
                    <input type="number" aria-label="Seed" min="0" step="1" ref={seed_field} oninput={on_seed}
                        aria-invalid={s.seed_error.is_some().to_string()}
                        aria-describedby={s.seed_error.is_some().then_some("seed-error")} />
                </label>
                <button type="button" onclick={command(Command::NewSeed)}>{ "New seed" }</button>
                <span id="seed-error" class="error" aria-live="polite">
                    { s.seed_error.as_ref().map(|e| format!("Seed: {e}")).unwrap_or_default() }
                </span>
            </div>
            <div class="row" role="radiogroup" aria-label="Clock">
                <span class="group-label">{ "Clock" }</span>
                <label class="inline"><input type="radio" name="clock" checked={!real} onchange={clock(ClockKind::Virtual)} />{ "Virtual" }</label>
                <label class="inline"><input type="radio" name="clock" checked={real} onchange={clock(ClockKind::Real)} />{ "Real" }</label>
            </div>
            <p class="hint shortcuts">{ "Keys: Space runs or pauses, → steps (outside text fields)." }</p>
        </section>
    }
}

/// The status line; a run of the reader's Go says so.
fn status_text(s: &PageState) -> String {
    match s.status {
        RunStatus::Running if s.ran_go => format!("Running your Go: {} ms", s.now),
        RunStatus::Ready if s.reset_by_edit => "Ready: the Go changed, so its run was reset".to_string(),
        _ => s.status.text(s.now),
    }
}

#[derive(Properties, PartialEq)]
pub struct ParamsProps {
    pub state: UseReducerHandle<PageState>,
    pub on_edit: Callback<(&'static str, String)>,
}

/// One labelled field per parameter, validated as you type.
#[component]
pub fn ParamsForm(props: &ParamsProps) -> Html {
    let s = &props.state;
    if s.your_go {
        return html! {};
    }
    let (unread, edited) = s.unread_params();
    html! {
        <section class="params" aria-label="Parameters">
            <h3>{ "Parameters" }</h3>
            if s.runs_go() {
                <p class="hint">{ "Run interprets your Go. Each field is written into the line of Go that holds its value, unless you typed another value there yourself or your edit removed the line." }</p>
            }
            { for s.pattern.specs().iter().map(|spec| {
                let name = spec.name;
                let unread = unread.contains(&name);
                let id = format!("param-{name}");
                let help_id = format!("{id}-help");
                let error = s.field_errors.get(name);
                let value = s.drafts.get(name).cloned().unwrap_or_default();
                let on_edit = props.on_edit.clone();
                let mut described = if error.is_some() { format!("{help_id} {id}-error") } else { help_id.clone() };
                if unread {
                    described.push_str(&format!(" {id}-unread"));
                }
                let field = match spec.check {
                    Check::OneOf(options) => {
                        let onchange = Callback::from(move |e: Event| {
                            on_edit.emit((name, e.target_unchecked_into::<HtmlSelectElement>().value()))
                        });
                        html! {
                            <select id={id.clone()} {onchange} aria-describedby={described} disabled={unread}>
                                { for options.iter().map(|o| html! { <option value={*o} selected={value == *o}>{ *o }</option> }) }
                            </select>
                        }
                    }
                    Check::Int { min, max } => {
                        let oninput = Callback::from(move |e: InputEvent| {
                            on_edit.emit((name, e.target_unchecked_into::<HtmlInputElement>().value()))
                        });
                        html! {
                            <input id={id.clone()} type="number" min={min.to_string()} max={max.to_string()} step="1"
                                value={value} {oninput} aria-invalid={error.is_some().to_string()} aria-describedby={described}
                                disabled={unread} />
                        }
                    }
                    Check::Text { .. } | Check::List { .. } => {
                        let oninput = Callback::from(move |e: InputEvent| {
                            on_edit.emit((name, e.target_unchecked_into::<HtmlInputElement>().value()))
                        });
                        html! {
                            <input id={id.clone()} type="text" value={value} {oninput}
                                aria-invalid={error.is_some().to_string()} aria-describedby={described} disabled={unread} />
                        }
                    }
                };
                html! {
                    <div class={classes!("field", error.is_some().then_some("invalid"))}>
                        <label for={id.clone()}>{ spec.label }</label>
                        { field }
                        <small id={help_id}>{ spec.help }</small>
                        if unread {
                            <small id={format!("{id}-unread")} class="unread">
                                { if edited.contains(&name) {
                                    "Not used: your Go sets this value itself. Revert to use the field."
                                } else if crate::patterns::bind::bindings(s.pattern).iter().any(|b| b.param == name) {
                                    "Not used: your edit removed the Go that held this value."
                                } else {
                                    "Not used by your Go: the Go spells this in code, not as a value. Change the code instead."
                                } }
                            </small>
                        }
                        if let Some(e) = error {
                            <small id={format!("{id}-error")} class="error" aria-live="polite">
                                { format!("{} {e}; the run keeps {}", spec.label, s.params.get(name).unwrap_or_default()) }
                            </small>
                        }
                    </div>
                }
            }) }
        </section>
    }
}
