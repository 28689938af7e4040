// Keyboard shortcuts: one listener for the page; Blazor decides what a key does on the current screen.
window.atende = (function () {
    let listener = null;
    function typingIn(target) {
        return target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
    }
    return {
        listenForShortcuts(dotnet) {
            if (listener) document.removeEventListener("keydown", listener);
            listener = (e) => {
                if (e.defaultPrevented || e.altKey || e.metaKey || e.isComposing) return;
                let key = e.key;
                if (e.ctrlKey) {
                    if (key !== "Enter") return;
                    key = "Ctrl+Enter";
                } else if (typingIn(e.target)) {
                    return;
                }
                if (key === "/") {
                    const marked = document.querySelector("[data-testid=global-search]");
                    const search = marked && (marked.tagName === "INPUT" ? marked : marked.querySelector("input"));
                    if (search) { e.preventDefault(); search.focus(); }
                    return;
                }
                if (key.length > 1 && key !== "Ctrl+Enter" && key !== "Enter" && key !== "Escape") return;
                dotnet.invokeMethodAsync("Press", key);
            };
            document.addEventListener("keydown", listener);
        },
        stopListeningForShortcuts() {
            if (listener) document.removeEventListener("keydown", listener);
            listener = null;
        },
    };
})();
