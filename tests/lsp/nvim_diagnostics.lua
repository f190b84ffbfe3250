-- Run by tests/lsp/test_neovim.py:
--   ARGMAP_PYTHON=... ARGMAP_MAP=... ARGMAP_OUT=... nvim --headless --clean -u NONE -c "luafile nvim_diagnostics.lua"
-- Starts `argmap lsp` (vim.lsp.start on Neovim 0.8+, start_client on 0.7, Debian 12's),
-- breaks a speaker id in the buffer without saving, waits for the diagnostics and
-- writes them to ARGMAP_OUT as JSON.
local python, map, out = os.getenv("ARGMAP_PYTHON"), os.getenv("ARGMAP_MAP"), os.getenv("ARGMAP_OUT")
vim.cmd("edit " .. vim.fn.fnameescape(map))
local buf = vim.api.nvim_get_current_buf()
local config = { name = "argmap", cmd = { python, "-m", "argmap", "lsp" },
                 root_dir = vim.fn.fnamemodify(map, ":p:h:h") }
if vim.lsp.start then
  vim.lsp.start(config)
else
  vim.lsp.buf_attach_client(buf, vim.lsp.start_client(config))
end
local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
for i, line in ipairs(lines) do
  if line == "    by: may" then
    vim.api.nvim_buf_set_lines(buf, i - 1, i, false, { "    by: mayy" })
    break
  end
end
local found = vim.wait(30000, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == "unknown-speaker" then return true end
  end
  return false
end, 50)
local result = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(result, { line = d.lnum, col = d.col, end_col = d.end_col, code = d.code, message = d.message })
end
local file = io.open(out, "w")
file:write(vim.fn.json_encode({ found = found, diagnostics = result }))
file:close()
vim.lsp.stop_client(vim.lsp.get_active_clients(), true)
vim.cmd("qall!")
